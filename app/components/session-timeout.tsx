import { lazy, Suspense, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { apiGet } from '../api/client.ts';
import { getIdleDeadline, subscribeIdleDeadline } from '../api/session.ts';

const SessionTimeoutDialog = lazy(async () => ({
  default: (await import('./session-timeout-dialog.tsx')).SessionTimeoutDialog,
}));

/** How long before the idle time-out the warning shows: enough to read it and answer (WCAG 2.2.1). */
export const warnBeforeMs = 2 * 60_000;

/**
 * Watches the signed-in session's idle time-out and, two minutes before it, asks whether the person is
 * still there (the dialog is its own chunk, loaded only then). Before warning it asks the server, since
 * another tab may have kept the session alive meanwhile. Timers sleep in background tabs, so the
 * deadline is checked again whenever the tab comes back.
 */
export function SessionTimeout() {
  const deadline = useSyncExternalStore(subscribeIdleDeadline, getIdleDeadline);
  const [warning, setWarning] = useState(false);

  const check = useCallback(async () => {
    const current = getIdleDeadline();
    if (current === null || current - Date.now() > warnBeforeMs) return;
    try {
      // The answer's header updates the deadline (app/api/client.ts); asking does not extend it.
      await apiGet('/auth/session');
    } catch {
      // Signed out already (a 401 ends the session in main.tsx) or offline: the dialog still warns.
    }
    const latest = getIdleDeadline();
    if (latest !== null && latest - Date.now() <= warnBeforeMs) setWarning(true);
  }, []);

  useEffect(() => {
    if (deadline === null) return;
    setWarning(false);
    const timer = window.setTimeout(() => void check(), Math.max(0, deadline - warnBeforeMs - Date.now()));
    const onVisible = () => {
      if (document.visibilityState === 'visible') void check();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [deadline, check]);

  if (!warning || deadline === null) return null;
  return (
    <Suspense fallback={null}>
      <SessionTimeoutDialog deadline={deadline} onClose={() => setWarning(false)} />
    </Suspense>
  );
}
