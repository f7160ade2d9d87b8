import {
  Badge,
  Button,
  Card,
  CopyButton,
  Divider,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { membershipRoleLabels } from '../../../common/enums.ts';
import { emailField, shortMessageField } from '../../../common/fields.ts';
import { apiSend } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { InviteResult } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { dateTime } from '../../lib/dates.ts';
import { CsvInvite } from './csv-invite.tsx';
import { OpenInvitations } from './open-invitations.tsx';

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
