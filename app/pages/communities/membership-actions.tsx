import { Button, Group, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { MembershipRole } from '../../../common/enums.ts';
import { apiSend } from '../../api/client.ts';
import { useMe } from '../../api/queries.ts';
import type { CommunityHome } from '../../api/types.ts';
import { deferred } from '../../components/deferred.tsx';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { useRefreshMembership } from './use-refresh-membership.ts';

const JoinDialog = deferred(async () => (await import('./membership-dialogs.tsx')).JoinDialog);
const RequestDialog = deferred(async () => (await import('./membership-dialogs.tsx')).RequestDialog);
const LeaveDialog = deferred(async () => (await import('./membership-dialogs.tsx')).LeaveDialog);

const roleSentence: Record<MembershipRole, string> = {
  leader: 'You lead this community',
  co_leader: 'You co-lead this community',
  sponsor: 'You are its sponsor',
  member: 'You are a member',
  guest: 'You are a guest',
};

/**
 * The join / ask to join / request pending / leave button, as the viewer's rights allow; visitors are
 * offered to sign in and come back here.
 */
export function MembershipActions(props: { home: CommunityHome }) {
  const { home } = props;
  const { community, viewer } = home;
  const me = useMe();
  const refresh = useRefreshMembership(community.slug);
  const [dialog, setDialog] = useState<'join' | 'request' | 'leave' | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const join = useFormState();

  const joinAtOnce = async () => {
    setStatus(null);
    const done = await join.run(() => apiSend('POST', `/communities/${community.slug}/join`, {}));
    if (!done) return;
    await refresh();
    setStatus(`Welcome! You are now a member of ${community.name}.`);
  };
  const close = () => setDialog(null);

  let actions: ReactNode = null;
  if (me.data === null && community.stage !== 'archived' && community.joinPolicy !== 'invitation') {
    actions = (
      <Button component={Link} to={`/signin?next=${encodeURIComponent(`/communities/${community.slug}`)}`}>
        Sign in to join
      </Button>
    );
  } else if (viewer.role) {
    actions = (
      <>
        <Text size="sm" fw={600}>
          {roleSentence[viewer.role]}
        </Text>
        {viewer.canLeave ? (
          <Button variant="default" onClick={() => setDialog('leave')}>
            Leave
          </Button>
        ) : null}
      </>
    );
  } else if (viewer.canJoin) {
    actions = (
      <Button
        onClick={() => (community.requireGuidelines ? setDialog('join') : void joinAtOnce())}
        loading={join.busy}
      >
        Join community
      </Button>
    );
  } else if (viewer.requestStatus === 'pending') {
    actions = (
      <>
        <Button disabled>Request pending</Button>
        <Text size="sm" c="dimmed">
          The leaders will answer your request.
        </Text>
      </>
    );
  } else if (viewer.canRequest) {
    actions = <Button onClick={() => setDialog('request')}>Ask to join</Button>;
  } else if (community.joinPolicy === 'invitation' && community.stage !== 'archived') {
    actions = (
      <Text size="sm" c="dimmed">
        Membership is by invitation only.
      </Text>
    );
  }

  return (
    <Stack gap="xs" align="flex-start">
      {actions ? (
        <Group gap="sm" wrap="wrap">
          {actions}
        </Group>
      ) : null}
      <FormAlert message={join.message} />
      <StatusAlert message={status} />
      <JoinDialog
        home={home}
        opened={dialog === 'join'}
        onClose={close}
        onJoined={() => {
          close();
          setStatus(`Welcome! You are now a member of ${community.name}.`);
        }}
      />
      <RequestDialog
        home={home}
        opened={dialog === 'request'}
        onClose={close}
        onSent={() => {
          close();
          setStatus('Your request is sent. The leaders will answer you by email.');
        }}
      />
      <LeaveDialog
        home={home}
        opened={dialog === 'leave'}
        onClose={close}
        onLeft={() => {
          close();
          setStatus(`You left ${community.name}.`);
        }}
      />
    </Stack>
  );
}
