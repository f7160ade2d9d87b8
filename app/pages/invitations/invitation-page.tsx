import { useLingui } from '@lingui/react';
import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import {
  useAcceptInvitationMutation,
  useDeclineInvitationMutation,
  useInvitation,
} from '../../api/invitations.ts';
import { keys, useMe } from '../../api/queries.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';

/** Why an invitation can no longer be used (message ids, translated when shown). */
const stateMessages = {
  expired: 'invitations.state.expired',
  revoked: 'invitations.state.revoked',
  used: 'invitations.state.used',
} as const;

/** /invitations/:token: an invitation to a community, to accept or decline (after signing in). */
export function InvitationPage() {
  const { _ } = useLingui();
  const { token = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const answer = useApiAction();
  const [declined, setDeclined] = useState(false);
  const invitation = useInvitation(token);
  const acceptInvitation = useAcceptInvitationMutation(token);
  const declineInvitation = useDeclineInvitationMutation(token);

  if (invitation.isPending || me.isPending) {
    return (
      <>
        <PageHeader title={_('invitations.title')} />
        <PageLoader />
      </>
    );
  }
  if (invitation.isError) {
    const missing =
      invitation.error instanceof ApiError &&
      (invitation.error.status === 404 || invitation.error.status === 400);
    return (
      <>
        <PageHeader title={missing ? _('invitations.notFound.title') : _('invitations.title')} />
        {missing ? (
          <EmptyState
            title={_('invitations.notFound.heading')}
            action={
              <Button component={Link} to="/communities" variant="light" mt="sm">
                {_('invitations.notFound.browse')}
              </Button>
            }
          >
            {_('invitations.notFound.text')}
          </EmptyState>
        ) : (
          <LoadError error={invitation.error} onRetry={() => void invitation.refetch()} />
        )}
      </>
    );
  }

  const view = invitation.data;
  const { community } = view;
  const here = `/invitations/${token}`;
  const next = encodeURIComponent(here);

  const accept = async () => {
    const done = await answer.run(() => acceptInvitation.mutateAsync());
    if (!done) return;
    // A partner's invitation (#18 §4) leads to the project; the account may now be a partner's.
    await queryClient.invalidateQueries({ queryKey: keys.me });
    await navigate(done.projectId ? `/projects/${done.projectId}` : `/communities/${done.slug}`);
  };
  const decline = async () => {
    const done = await answer.run(() => declineInvitation.mutateAsync());
    if (!done) return;
    setDeclined(true);
  };

  return (
    <>
      <PageHeader
        title={_('invitations.heading', { name: community.name })}
        description={
          view.invitedBy
            ? _('invitations.invitedBy', { inviter: view.invitedBy, role: view.role })
            : _('invitations.invited', { role: view.role })
        }
      />
      <Card maw={640}>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3">
              {community.name}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{community.purpose}</Text>
          </Stack>
          {view.project ? (
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {_('projects.invitation.for', { project: view.project.title })}
            </Text>
          ) : null}
          <FormAlert message={answer.message} />
          {declined ? (
            <Alert color="forest" variant="light" role="status">
              {_('invitations.declined')}
            </Alert>
          ) : view.status !== 'valid' ? (
            <Alert color="amber" variant="light" title={_('invitations.state.title')}>
              {_(stateMessages[view.status])}
            </Alert>
          ) : me.data ? (
            <Stack gap="sm">
              {view.email && view.email !== me.data.email.toLowerCase() ? (
                <Text size="sm" c="dimmed">
                  {_('invitations.otherAccount', { email: view.email, account: me.data.email })}
                </Text>
              ) : null}
              <Group>
                <Button onClick={() => void accept()} loading={answer.busy}>
                  {_('invitations.accept')}
                </Button>
                {view.email ? (
                  <Button variant="default" onClick={() => void decline()} disabled={answer.busy}>
                    {_('invitations.decline')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          ) : (
            <Stack gap="sm">
              <Text size="sm">
                {view.email
                  ? _('invitations.signIn.textFor', { email: view.email })
                  : _('invitations.signIn.text')}
              </Text>
              <Group>
                <Button component={Link} to={`/signin?next=${next}`}>
                  {_('invitations.signIn.signIn')}
                </Button>
                <Button component={Link} to={`/signup?next=${next}`} variant="default">
                  {_('invitations.signIn.signUp')}
                </Button>
              </Group>
            </Stack>
          )}
          <Anchor component={Link} to={`/communities/${community.slug}`} size="sm">
            {_('invitations.seeCommunity')}
          </Anchor>
        </Stack>
      </Card>
    </>
  );
}
