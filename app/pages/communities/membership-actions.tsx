import { useLingui } from '@lingui/react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { MembershipRole } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useJoinMutation } from '../../api/communities.ts';
import { useMe } from '../../api/queries.ts';
import type { CommunityHome } from '../../api/types.ts';
import { deferred } from '../../components/deferred.tsx';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';

const JoinDialog = deferred(async () => (await import('./membership-dialogs.tsx')).JoinDialog);
const RequestDialog = deferred(async () => (await import('./membership-dialogs.tsx')).RequestDialog);
const LeaveDialog = deferred(async () => (await import('./membership-dialogs.tsx')).LeaveDialog);

const roleSentence: Record<MembershipRole, MessageId> = {
  leader: 'communities.membership.role.leader',
  co_leader: 'communities.membership.role.coLeader',
  sponsor: 'communities.membership.role.sponsor',
  member: 'communities.membership.role.member',
  guest: 'communities.membership.role.guest',
};

/** The confirmation after a step (written when shown, in the language shown). */
type Status = 'joined' | 'requested' | 'left';

/**
 * The join / ask to join / request pending / leave button, as the viewer's rights allow; visitors are
 * offered to sign in and come back here.
 */
export function MembershipActions(props: { home: CommunityHome }) {
  const { _ } = useLingui();
  const { home } = props;
  const { community, viewer } = home;
  const me = useMe();
  const joinNow = useJoinMutation(community.slug);
  const [dialog, setDialog] = useState<'join' | 'request' | 'leave' | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const join = useApiAction();

  const joinAtOnce = async () => {
    setStatus(null);
    const done = await join.run(() => joinNow.mutateAsync({}));
    if (!done) return;
    setStatus('joined');
  };
  const close = () => setDialog(null);

  let actions: ReactNode = null;
  if (me.data === null && community.stage !== 'archived' && community.joinPolicy !== 'invitation') {
    actions = (
      <Button component={Link} to={`/signin?next=${encodeURIComponent(`/communities/${community.slug}`)}`}>
        {_('communities.membership.signInToJoin')}
      </Button>
    );
  } else if (viewer.role) {
    actions = (
      <>
        <Text size="sm" fw={600}>
          {_(roleSentence[viewer.role])}
        </Text>
        {viewer.canLeave ? (
          <Button variant="default" onClick={() => setDialog('leave')}>
            {_('communities.membership.leave')}
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
        {_('communities.membership.join')}
      </Button>
    );
  } else if (viewer.requestStatus === 'pending') {
    actions = (
      <>
        <Button disabled>{_('communities.membership.pending')}</Button>
        <Text size="sm" c="dimmed">
          {_('communities.membership.pendingText')}
        </Text>
      </>
    );
  } else if (viewer.canRequest) {
    actions = <Button onClick={() => setDialog('request')}>{_('communities.membership.askToJoin')}</Button>;
  } else if (community.joinPolicy === 'invitation' && community.stage !== 'archived') {
    actions = (
      <Text size="sm" c="dimmed">
        {_('communities.membership.invitationOnly')}
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
      <StatusAlert
        message={
          status === 'joined'
            ? _('communities.membership.status.joined', { name: community.name })
            : status === 'requested'
              ? _('communities.membership.status.requested')
              : status === 'left'
                ? _('communities.membership.status.left', { name: community.name })
                : null
        }
      />
      <JoinDialog
        home={home}
        opened={dialog === 'join'}
        onClose={close}
        onJoined={() => {
          close();
          setStatus('joined');
        }}
      />
      <RequestDialog
        home={home}
        opened={dialog === 'request'}
        onClose={close}
        onSent={() => {
          close();
          setStatus('requested');
        }}
      />
      <LeaveDialog
        home={home}
        opened={dialog === 'leave'}
        onClose={close}
        onLeft={() => {
          close();
          setStatus('left');
        }}
      />
    </Stack>
  );
}
