import { useLingui } from '@lingui/react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { staySignedIn, useSignOut } from '../api/account.ts';
import { keys } from '../api/queries.ts';
import { markSessionEnded } from '../api/session.ts';

/**
 * "Are you still there?": counts down to the idle time-out; staying signed in restarts it, signing out
 * ends the session now, and when the time is up the app forgets the person and the layout takes them
 * to sign in (with a note that the session ended), back here after.
 */
export function SessionTimeoutDialog(props: { deadline: number; onClose: () => void }) {
  const { _ } = useLingui();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const endSession = useSignOut();
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const left = Math.max(0, props.deadline - now);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    if (left > 0) return;
    markSessionEnded();
    queryClient.setQueryData(keys.me, null);
    props.onClose();
  }, [left, queryClient, props]);

  const stay = async () => {
    setBusy(true);
    setFailed(false);
    try {
      // The answer carries the new deadline, which closes this dialog (session-timeout.tsx).
      await staySignedIn();
      props.onClose();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const signOut = async () => {
    try {
      await endSession();
    } finally {
      await navigate('/signin', { replace: true, state: { signedOut: true } });
    }
  };

  const remaining =
    left >= 60_000
      ? _('session.warning.minutes', { count: Math.ceil(left / 60_000) })
      : _('session.warning.seconds', { count: Math.ceil(left / 1000) });

  return (
    <Modal opened onClose={() => void stay()} title={_('session.warning.title')} centered>
      <Stack gap="md">
        <Text>{_('session.warning.body', { remaining })}</Text>
        {failed ? (
          <Alert color="red" role="alert">
            {_('session.warning.failed')}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => void signOut()}>
            {_('session.warning.signOut')}
          </Button>
          <Button onClick={() => void stay()} loading={busy} data-autofocus>
            {_('session.warning.stay')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
