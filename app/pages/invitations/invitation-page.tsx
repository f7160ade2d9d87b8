import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { membershipRoleLabels } from '../../../common/enums.ts';
import { ApiError, apiGet, apiSend } from '../../api/client.ts';
import { keys, useMe } from '../../api/queries.ts';
import type { InvitationView } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';

const stateMessages = {
  expired: 'This invitation has expired. Ask the community’s leaders for a new one.',
  revoked: 'This invitation was withdrawn by the community’s leaders.',
  used: 'This invitation has already been answered.',
} as const;

function roleText(role: InvitationView['role']): string {
  return `a ${membershipRoleLabels[role].toLowerCase()}`;
}

/** /invitations/:token: an invitation to a community, to accept or decline (after signing in). */
export function InvitationPage() {
  const { token = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useFormState();
  const [declined, setDeclined] = useState(false);
  const invitation = useQuery({
    queryKey: keys.invitation(token),
    queryFn: () => apiGet<InvitationView>(`/invitations/${token}`),
  });

  if (invitation.isPending || me.isPending) {
    return (
      <>
        <PageHeader title="Invitation" />
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
        <PageHeader title={missing ? 'Invitation not found' : 'Invitation'} />
        {missing ? (
          <EmptyState
            title="This invitation does not exist"
            action={
              <Button component={Link} to="/communities" variant="light" mt="sm">
                Browse communities
              </Button>
            }
          >
            Check that the link is complete: copy it again from the email or message you received.
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
    const done = await form.run(() => apiSend<{ slug: string }>('POST', `/invitations/${token}/accept`));
    if (!done) return;
    await queryClient.invalidateQueries({ queryKey: keys.community(done.slug) });
    await queryClient.invalidateQueries({ queryKey: keys.communities });
    await navigate(`/communities/${done.slug}`);
  };
  const decline = async () => {
    const done = await form.run(() => apiSend('POST', `/invitations/${token}/decline`));
    if (!done) return;
    setDeclined(true);
    await queryClient.invalidateQueries({ queryKey: keys.invitation(token) });
  };

  return (
    <>
      <PageHeader
        title={`Invitation to ${community.name}`}
        description={
          view.invitedBy
            ? `${view.invitedBy} invites you to join as ${roleText(view.role)}.`
            : `You are invited to join as ${roleText(view.role)}.`
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
          <FormAlert message={form.message} />
          {declined ? (
            <Alert color="forest" variant="light" role="status">
              You declined the invitation. You can still find the community in the directory.
            </Alert>
          ) : view.status !== 'valid' ? (
            <Alert color="amber" variant="light" title="This invitation can no longer be used">
              {stateMessages[view.status]}
            </Alert>
          ) : me.data ? (
            <Stack gap="sm">
              {view.email && view.email !== me.data.email.toLowerCase() ? (
                <Text size="sm" c="dimmed">
                  This invitation was sent to {view.email}; you are signed in as {me.data.email}.
                </Text>
              ) : null}
              <Group>
                <Button onClick={() => void accept()} loading={form.busy}>
                  Accept and join
                </Button>
                {view.email ? (
                  <Button variant="default" onClick={() => void decline()} disabled={form.busy}>
                    Decline
                  </Button>
                ) : null}
              </Group>
            </Stack>
          ) : (
            <Stack gap="sm">
              <Text size="sm">
                Sign in to accept{view.email ? ` (the invitation is for ${view.email})` : ''}. New to Copse?
                Create an account first: you will come back here afterwards.
              </Text>
              <Group>
                <Button component={Link} to={`/signin?next=${next}`}>
                  Sign in
                </Button>
                <Button component={Link} to={`/signup?next=${next}`} variant="default">
                  Create an account
                </Button>
              </Group>
            </Stack>
          )}
          <Anchor component={Link} to={`/communities/${community.slug}`} size="sm">
            See the community
          </Anchor>
        </Stack>
      </Card>
    </>
  );
}
