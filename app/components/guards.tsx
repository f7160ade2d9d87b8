import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { useMe } from '../api/queries.ts';
import { sessionWasEnded } from '../api/session.ts';
import { safeNext } from '../lib/safe-next.ts';
import { NotAllowedPage } from '../pages/not-allowed-page.tsx';
import { LoadError, PageLoader } from './page-states.tsx';

/** Only for signed-in people: anyone else goes to sign in, and comes back here afterwards. */
export function RequireSignedIn() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return (
      <Navigate
        to={`/signin?next=${encodeURIComponent(next)}`}
        replace
        state={{ sessionEnded: sessionWasEnded() }}
      />
    );
  }
  return <Outlet />;
}

/** Only for visitors who are not signed in (sign in, sign up): signed-in people go on (to ?next= or home). */
export function RequireAnonymous() {
  const me = useMe();
  const [search] = useSearchParams();
  if (me.isPending) return <PageLoader />;
  if (me.data) return <Navigate to={safeNext(search.get('next'))} replace />;
  return <Outlet />;
}

/** Only for administrators; everyone else sees a "not allowed" page. */
export function RequireAdministrator() {
  const me = useMe();
  if (me.data?.role !== 'administrator') return <NotAllowedPage />;
  return <Outlet />;
}

/** Only for coordinators and administrators (who coordinate too); everyone else sees "not allowed". */
export function RequireCoordinator() {
  const me = useMe();
  if (me.data?.role !== 'coordinator' && me.data?.role !== 'administrator')
    return <NotAllowedPage for="coordinators" />;
  return <Outlet />;
}
