import { Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { type InfiniteData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { membershipRoleLabels } from '../../../common/enums.ts';
import { apiGetBody, apiSend, apiUrl } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Invitation, InvitationList } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';

/** Confirms revoking one invitation or link; says what was revoked. */
function RevokeDialog(props: {
  slug: string;
  invitation: Invitation | null;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const form = useFormState();
  const queryClient = useQueryClient();
  const what = props.invitation?.email
    ? `the invitation to ${props.invitation.email}`
    : 'this shareable link';
  const revoke = async () => {
    const invitation = props.invitation;
    if (!invitation) return;
    const done = await form.run(() =>
      apiSend('DELETE', `/communities/${props.slug}/invitations/${invitation.id}`),
    );
    if (!done) return;
    // Take it out of the pages already loaded rather than reloading them all (a cohort can fill 40).
    queryClient.setQueryData<InfiniteData<InvitationList>>(keys.communityInvitations(props.slug), (old) =>
      old
        ? {
            ...old,
            pages: old.pages.map((page) => ({
              ...page,
              data: page.data.filter((row) => row.id !== invitation.id),
              total: page.total - 1,
            })),
          }
        : old,
    );
    props.onDone(
      invitation.email ? `The invitation to ${invitation.email} is revoked.` : 'The link is revoked.',
    );
  };
  return (
    <Modal
      opened={props.invitation !== null}
      onClose={props.onClose}
      title={props.invitation?.email ? 'Revoke the invitation?' : 'Revoke the link?'}
      centered
    >
      <Stack gap="md">
        <FormAlert message={form.message} />
        <Text>Revoke {what}? It stops working at once; people who already joined stay members.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            Keep it
          </Button>
          <Button color="red" onClick={() => void revoke()} loading={form.busy}>
            Revoke
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The open invitations and shareable links of a community, a page at a time, each with Revoke. */
export function OpenInvitations(props: { slug: string }) {
  const { slug } = props;
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const invitations = useInfiniteQuery({
    queryKey: keys.communityInvitations(slug),
    queryFn: ({ pageParam }) =>
      apiGetBody<InvitationList>(`/communities/${slug}/invitations`, { cursor: pageParam, limit: 100 }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const list = invitations.data?.pages.flatMap((page) => page.data) ?? [];
  const total = invitations.data?.pages.at(-1)?.total ?? 0;
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Title order={3} size="h4" id="open-invitations-title">
          Open invitations
        </Title>
        {list.length > 0 ? (
          <Button
            component="a"
            href={apiUrl(`/communities/${slug}/invitations/csv`)}
            download
            variant="default"
            size="xs"
          >
            Download as CSV
          </Button>
        ) : null}
      </Group>
      <StatusAlert message={status} />
      {invitations.isPending ? (
        <PageLoader label="Loading invitations…" />
      ) : invitations.isError ? (
        <LoadError error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : list.length === 0 ? (
        <Text size="sm" c="dimmed">
          No open invitations.
        </Text>
      ) : (
        <ul className="row-list" aria-labelledby="open-invitations-title">
          {list.map((invitation) => {
            const name = invitation.email ?? 'Shareable link';
            const expired = invitation.status === 'expired';
            return (
              <li key={invitation.id}>
                <Group justify="space-between" gap="xs" py="xs" wrap="wrap">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
                    <Group gap="xs">
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {name}
                      </Text>
                      {invitation.name ? (
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {invitation.name}
                        </Text>
                      ) : null}
                      {expired ? (
                        <Badge color="gray" variant="light" tt="none" size="sm">
                          Expired
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {membershipRoleLabels[invitation.role]}
                      {invitation.invitedBy ? ` · by ${invitation.invitedBy}` : ''} ·{' '}
                      <time dateTime={invitation.createdAt} title={dateTime(invitation.createdAt)}>
                        {relativeTime(invitation.createdAt)}
                      </time>
                      {` · ${expired ? 'expired' : 'expires'} ${dateTime(invitation.expiresAt)}`}
                      {invitation.email
                        ? ''
                        : ` · used ${invitation.uses === 1 ? 'once' : `${invitation.uses} times`}`}
                    </Text>
                  </Stack>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      setStatus(null);
                      setRevoking(invitation);
                    }}
                    aria-label={
                      invitation.email ? `Revoke the invitation to ${invitation.email}` : 'Revoke the link'
                    }
                  >
                    Revoke
                  </Button>
                </Group>
              </li>
            );
          })}
        </ul>
      )}
      {list.length > 0 && total > list.length ? (
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm" c="dimmed" role="status">
            Showing {list.length.toLocaleString('en-GB')} of {total.toLocaleString('en-GB')} open invitations.
          </Text>
          <Button
            variant="default"
            onClick={() => void invitations.fetchNextPage()}
            loading={invitations.isFetchingNextPage}
            disabled={!invitations.hasNextPage}
          >
            Load more invitations
          </Button>
        </Group>
      ) : null}
      <RevokeDialog
        key={revoking?.id ?? 'none'}
        slug={slug}
        invitation={revoking}
        onClose={() => setRevoking(null)}
        onDone={(text) => {
          setRevoking(null);
          setStatus(text);
        }}
      />
    </Stack>
  );
}
