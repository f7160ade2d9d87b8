import { lazy, Suspense } from 'react';
import type { Me } from '../api/types.ts';
import { AccountButton, requestOpen } from './account-button.tsx';

const AccountMenuPopup = lazy(async () => ({
  default: (await import('./account-menu-popup.tsx')).AccountMenuPopup,
}));

/**
 * The signed-in person's menu. The menu itself (account-menu-popup.tsx) is not part of the first load:
 * its button is drawn at once, the menu loads right after, and a press in between opens it on arrival.
 */
export function AccountMenu(props: { me: Me }) {
  return (
    <Suspense fallback={<AccountButton person={props.me} onClick={requestOpen} />}>
      <AccountMenuPopup me={props.me} />
    </Suspense>
  );
}
