import { useLingui } from '@lingui/react';
import { Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { membershipRoleMessages } from '../../../common/enums.ts';
import { apiUrl } from '../../api/client.ts';
import { useOpenInvitations, useRevokeInvitationMutation } from '../../api/communities.ts';
import type { Invitation } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { itemsOf, PagedList } from '../../components/list-page/index.ts';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';

/** Confirms revoking one invitation or link; says what was revoked. */
function RevokeDialog(props: {
  slug: string;
  invitation: Invitation | null;
  onClose: () => void;
  onDone: (email: string | null) => void;
}) {
  const { _ } = useLingui();
  const action = useApiAction();
  const revokeInvitation = useRevokeInvitationMutation(props.slug);
  const revoke = async () => {
    const invitation = props.invitation;
    if (!invitation) return;
    // The hook takes it out of the pages already loaded rather than reloading them all.
    const done = await action.run(() => revokeInvitation.mutateAsync(invitation.id));
    if (!done) return;
    props.onDone(invitation.email);
  };
  return (
    <Modal
      opened={props.invitation !== null}
      onClose={props.onClose}
      title={
        props.invitation?.email
          ? _('communities.invitations.revoke.invitationTitle')
          : _('communities.invitations.revoke.linkTitle')
      }
      centered
    >
      <Stack gap="md">
        <FormAlert message={action.message} />
        <Text>
          {props.invitation?.email
            ? _('communities.invitations.revoke.invitationText', { email: props.invitation.email })
            : _('communities.invitations.revoke.linkText')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            {_('communities.invitations.revoke.keep')}
          </Button>
          <Button color="red" onClick={() => void revoke()} loading={action.busy}>
            {_('communities.invitations.revoke.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The open invitations and shareable links of a community, a page at a time, each with Revoke. */
export function OpenInvitations(props: { slug: string }) {
  const { _, i18n } = useLingui();
  const { slug } = props;
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  // What was revoked last, for the confirmation (written when shown, in the language shown).
  const [revoked, setRevoked] = useState<{ email: string | null } | null>(null);
  const status =
    revoked === null
      ? null
      : revoked.email
        ? _('communities.invitations.revoked.invitation', { email: revoked.email })
        : _('communities.invitations.revoked.link');
  const invitations = useOpenInvitations(slug);
  const list = itemsOf(invitations);
  const total = invitations.data?.pages.at(-1)?.total ?? 0;
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Title order={3} size="h4" id="open-invitations-title">
          {_('communities.invitations.title')}
        </Title>
        {list.length > 0 ? (
          <Button
            component="a"
            href={apiUrl(`/communities/${slug}/invitations/csv?lang=${i18n.locale}`)}
            download
            variant="default"
            size="xs"
          >
            {_('communities.invitations.download')}
          </Button>
        ) : null}
      </Group>
      <StatusAlert message={status} />
      <PagedList
        query={invitations}
        loadingLabel={_('communities.invitations.loading')}
        empty={
          <Text size="sm" c="dimmed">
            {_('communities.invitations.empty')}
          </Text>
        }
        // Its own "load more" below says how many there are in all.
        more={false}
      >
        {(shown) => (
          <ul className="row-list" aria-labelledby="open-invitations-title">
            {shown.map((invitation) => {
              const name = invitation.email ?? _('communities.invite.link.title');
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
                            {_('communities.invitations.expired')}
                          </Badge>
                        ) : null}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {_(membershipRoleMessages[invitation.role])}
                        {invitation.invitedBy
                          ? ` · ${_('communities.invitations.by', { name: invitation.invitedBy })}`
                          : ''}{' '}
                        ·{' '}
                        <time dateTime={invitation.createdAt} title={dateTime(invitation.createdAt)}>
                          {relativeTime(invitation.createdAt)}
                        </time>
                        {` · ${
                          expired
                            ? _('communities.invitations.expiredOn', { date: dateTime(invitation.expiresAt) })
                            : _('communities.invitations.expiresOn', { date: dateTime(invitation.expiresAt) })
                        }`}
                        {invitation.email
                          ? ''
                          : ` · ${_('communities.invitations.used', { count: invitation.uses })}`}
                      </Text>
                    </Stack>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => {
                        setRevoked(null);
                        setRevoking(invitation);
                      }}
                      aria-label={
                        invitation.email
                          ? _('communities.invitations.revokeInvitation', { email: invitation.email })
                          : _('communities.invitations.revokeLink')
                      }
                    >
                      {_('communities.invitations.revoke.submit')}
                    </Button>
                  </Group>
                </li>
              );
            })}
          </ul>
        )}
      </PagedList>
      {list.length > 0 && total > list.length ? (
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm" c="dimmed" role="status">
            {_('communities.invitations.showing', { shown: list.length, total })}
          </Text>
          <Button
            variant="default"
            onClick={() => void invitations.fetchNextPage()}
            loading={invitations.isFetchingNextPage}
            disabled={!invitations.hasNextPage}
          >
            {_('communities.invitations.loadMore')}
          </Button>
        </Group>
      ) : null}
      <RevokeDialog
        key={revoking?.id ?? 'none'}
        slug={slug}
        invitation={revoking}
        onClose={() => setRevoking(null)}
        onDone={(email) => {
          setRevoking(null);
          setRevoked({ email });
        }}
      />
    </Stack>
  );
}
