import {
  Badge,
  Button,
  Card,
  CopyButton,
  Divider,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type InfiniteData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { membershipRoleLabels } from '../../../common/enums.ts';
import { emailField, shortMessageField } from '../../../common/fields.ts';
import { apiGetBody, apiSend, apiUrl } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Invitation, InvitationList, InviteResult } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';
import { CsvInvite } from './csv-invite.tsx';

const emailRoles = ['member', 'guest', 'sponsor', 'co_leader'] as const;
const linkRoles = ['member', 'guest'] as const;
const linkDays = [1, 7, 14, 30, 90] as const;

const inviteSchema = z.object({
  emails: z
    .array(emailField)
    .min(1, 'Enter at least one email address.')
    .max(200, 'Invite at most 200 people at once.'),
  role: z.enum(emailRoles),
  message: shortMessageField,
});

const resultLabels: Record<InviteResult['results'][number]['status'], string> = {
  invited: 'Invitation sent',
  already_member: 'Already a member',
  already_invited: 'Already invited',
};

/** Addresses separated by commas, semicolons, spaces or new lines; each once. */
function splitEmails(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;]+/)) {
    const email = part.trim().toLowerCase();
    if (email) seen.add(email);
  }
  return [...seen];
}

function InviteByEmail(props: { slug: string }) {
  const { slug } = props;
  const [emails, setEmails] = useState('');
  const [role, setRole] = useState<(typeof emailRoles)[number]>('member');
  const [message, setMessage] = useState('');
  const [results, setResults] = useState<InviteResult['results'] | null>(null);
  const form = useFormState();
  const queryClient = useQueryClient();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResults(null);
    const list = splitEmails(emails);
    const invalid = list.filter((email) => !emailField.safeParse(email).success);
    if (invalid.length > 0) {
      const text = `${invalid.length === 1 ? 'This address is' : 'These addresses are'} not valid: ${invalid.join(', ')}.`;
      form.setFields({ emails: text });
      form.setMessage('Please correct the highlighted fields.');
      return;
    }
    const body = form.check(inviteSchema, { emails: list, role, message });
    if (!body) return;
    const sent = await form.run(() =>
      apiSend<InviteResult>('POST', `/communities/${slug}/invitations`, body),
    );
    if (!sent) return;
    setResults(sent.results);
    setEmails('');
    await queryClient.invalidateQueries({ queryKey: keys.communityInvitations(slug) });
  };

  const invited = results?.filter((r) => r.status === 'invited').length ?? 0;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h4">
          Invite by email
        </Title>
        <FormAlert message={form.message} />
        <Textarea
          label="Email addresses"
          description="One or more, separated by commas or new lines. People without an account are invited to create one."
          name="emails"
          autosize
          minRows={2}
          maxRows={8}
          value={emails}
          onChange={(event) => setEmails(event.currentTarget.value)}
          error={form.error('emails') ?? form.error('emails.0')}
        />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <NativeSelect
            label="Invite as"
            value={role}
            onChange={(event) => {
              const next = emailRoles.find((r) => r === event.currentTarget.value);
              if (next) setRole(next);
            }}
            data={emailRoles.map((r) => ({ value: r, label: membershipRoleLabels[r] }))}
            w={160}
          />
          <TextInput
            label="Personal message"
            description="Optional; it goes in the email."
            name="message"
            value={message}
            onChange={(event) => setMessage(event.currentTarget.value)}
            error={form.error('message')}
            style={{ flex: '1 1 240px' }}
          />
        </Group>
        <Group>
          <Button type="submit" loading={form.busy}>
            Send invitations
          </Button>
        </Group>
        {results ? (
          <Stack gap="xs">
            <StatusAlert
              message={`${invited === 1 ? '1 invitation' : `${invited} invitations`} sent${
                results.length > invited ? `; ${results.length - invited} not needed` : ''
              }.`}
            />
            <ul className="row-list" aria-label="Invitation results">
              {results.map((result) => (
                <li key={result.email}>
                  <Group justify="space-between" gap="xs" py={6} wrap="wrap">
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {result.email}
                    </Text>
                    <Badge color={result.status === 'invited' ? 'forest' : 'gray'} variant="light" tt="none">
                      {resultLabels[result.status]}
                    </Badge>
                  </Group>
                </li>
              ))}
            </ul>
          </Stack>
        ) : null}
      </Stack>
    </form>
  );
}

function InviteLink(props: { slug: string }) {
  const { slug } = props;
  const [days, setDays] = useState('14');
  const [role, setRole] = useState<(typeof linkRoles)[number]>('member');
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const form = useFormState();
  const queryClient = useQueryClient();
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setLink(null);
    const created = await form.run(() =>
      apiSend<{ id: string; url: string; expiresAt: string }>('POST', `/communities/${slug}/invite-links`, {
        expiresInDays: Number(days),
        role,
      }),
    );
    if (!created) return;
    setLink(created);
    await queryClient.invalidateQueries({ queryKey: keys.communityInvitations(slug) });
  };
  return (
    <form onSubmit={(event) => void create(event)} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h4">
          Shareable link
        </Title>
        <Text size="sm" c="dimmed">
          Anyone with the link who signs in can join until it expires. You can revoke it at any time.
        </Text>
        <FormAlert message={form.message} />
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label="Link works for"
            value={days}
            onChange={(event) => setDays(event.currentTarget.value)}
            data={linkDays.map((d) => ({ value: String(d), label: d === 1 ? '1 day' : `${d} days` }))}
            w={140}
          />
          <NativeSelect
            label="Join as"
            value={role}
            onChange={(event) => {
              const next = linkRoles.find((r) => r === event.currentTarget.value);
              if (next) setRole(next);
            }}
            data={linkRoles.map((r) => ({ value: r, label: membershipRoleLabels[r] }))}
            w={140}
          />
          <Button type="submit" variant="default" loading={form.busy}>
            Create link
          </Button>
        </Group>
        {link ? (
          <Stack gap={4}>
            <Group align="flex-end" gap="sm" wrap="nowrap">
              <TextInput
                label="Invitation link"
                value={link.url}
                readOnly
                onFocus={(event) => event.currentTarget.select()}
                style={{ flex: 1, minWidth: 0 }}
              />
              <CopyButton value={link.url}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'light' : 'filled'} onClick={copy} aria-live="polite">
                    {copied ? 'Copied' : 'Copy link'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              Expires {dateTime(link.expiresAt)}.
            </Text>
          </Stack>
        ) : null}
      </Stack>
    </form>
  );
}

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

function OpenInvitations(props: { slug: string }) {
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

/** Leaders: invite by email, by a shareable link, or a whole cohort from a CSV file; see and revoke. */
export function InvitationsPanel(props: { slug: string }) {
  return (
    <Card component="section" aria-labelledby="invite-title">
      <Title order={2} size="h3" mb="md" id="invite-title">
        Invite people
      </Title>
      <Stack gap="lg">
        <InviteByEmail slug={props.slug} />
        <Divider />
        <InviteLink slug={props.slug} />
        <Divider />
        <CsvInvite slug={props.slug} />
        <Divider />
        <OpenInvitations slug={props.slug} />
      </Stack>
    </Card>
  );
}
