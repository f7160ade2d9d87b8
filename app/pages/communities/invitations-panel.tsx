import { useLingui } from '@lingui/react';
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
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { membershipRoleMessages } from '../../../common/enums.ts';
import { emailField, shortMessageField } from '../../../common/fields.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useInviteLinkMutation, useInviteMutation } from '../../api/communities.ts';
import type { InviteResult } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { i18n } from '../../i18n/i18n.ts';
import { dateTime } from '../../lib/dates.ts';
import { CsvInvite } from './csv-invite.tsx';
import { OpenInvitations } from './open-invitations.tsx';

const emailRoles = ['member', 'guest', 'sponsor', 'co_leader'] as const;
const linkRoles = ['member', 'guest'] as const;
const linkDays = [1, 7, 14, 30, 90] as const;

/** The addresses as typed (split and checked by `splitEmails`), the role and the personal message. */
const inviteSchema = z.object({
  emails: z
    .string()
    .transform(splitEmails)
    .pipe(
      z
        .array(emailField)
        .min(1, { error: () => i18n._('communities.invite.email.none') })
        .max(200, { error: () => i18n._('communities.invite.email.tooMany') }),
    ),
  role: z.enum(emailRoles),
  message: shortMessageField,
});

/** Days a shareable link works, chosen as text in the select, sent as a number. */
const linkSchema = z.object({
  expiresInDays: z.string().transform(Number),
  role: z.enum(linkRoles),
});

const resultLabels: Record<InviteResult['results'][number]['status'], MessageId> = {
  invited: 'communities.invite.status.invitationSent',
  already_member: 'communities.invite.status.alreadyMember',
  already_invited: 'communities.invite.status.alreadyInvited',
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
  const { _ } = useLingui();
  const { slug } = props;
  const [results, setResults] = useState<InviteResult['results'] | null>(null);
  const { form, field, message, setMessage, busy, submit } = useApiForm({
    initialValues: { emails: '', role: 'member' as (typeof emailRoles)[number], message: '' },
    schema: inviteSchema,
  });
  const invite = useInviteMutation(slug);
  const sendInvites = submit(
    (body) => invite.mutateAsync(body),
    (sent) => {
      setResults(sent.results);
      form.setFieldValue('emails', '');
    },
  );

  // Every address that is not one is named at once, before the other rules.
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setResults(null);
    const invalid = splitEmails(form.getValues().emails).filter(
      (email) => !emailField.safeParse(email).success,
    );
    if (invalid.length > 0) {
      const text = _('communities.invite.email.invalid', {
        count: invalid.length,
        emails: invalid.join(', '),
      });
      form.setErrors({ emails: text });
      setMessage(_('communities.invite.correctFields'));
      return;
    }
    sendInvites();
  };

  const invited = results?.filter((r) => r.status === 'invited').length ?? 0;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {_('communities.invite.email.title')}
        </Title>
        <FormAlert message={message} />
        <Textarea
          label={_('communities.invite.email.label')}
          description={_('communities.invite.email.description')}
          name="emails"
          autosize
          minRows={2}
          maxRows={8}
          {...field('emails')}
          error={field('emails').error ?? field('emails.0').error}
        />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <NativeSelect
            label={_('communities.invite.inviteAs')}
            {...field('role')}
            data={emailRoles.map((r) => ({ value: r, label: _(membershipRoleMessages[r]) }))}
            w={160}
          />
          <TextInput
            label={_('communities.invite.email.message')}
            description={_('communities.invite.email.messageDescription')}
            name="message"
            {...field('message')}
            style={{ flex: '1 1 240px' }}
          />
        </Group>
        <Group>
          <Button type="submit" loading={busy}>
            {_('communities.invite.email.submit')}
          </Button>
        </Group>
        {results ? (
          <Stack gap="xs">
            <StatusAlert
              message={
                results.length > invited
                  ? _('communities.invite.sentSkipped', { count: invited, skipped: results.length - invited })
                  : _('communities.invite.sent', { count: invited })
              }
            />
            <ul className="row-list" aria-label={_('communities.invite.email.results')}>
              {results.map((result) => (
                <li key={result.email}>
                  <Group justify="space-between" gap="xs" py={6} wrap="wrap">
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {result.email}
                    </Text>
                    <Badge color={result.status === 'invited' ? 'forest' : 'gray'} variant="light" tt="none">
                      {_(resultLabels[result.status])}
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
  const { _ } = useLingui();
  const { slug } = props;
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const { field, message, busy, submit } = useApiForm({
    initialValues: { expiresInDays: '14', role: 'member' as (typeof linkRoles)[number] },
    schema: linkSchema,
  });
  const makeLink = useInviteLinkMutation(slug);
  const create = submit((body) => makeLink.mutateAsync(body), setLink);
  return (
    <form
      onSubmit={(event) => {
        setLink(null);
        create(event);
      }}
      noValidate
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          {_('communities.invite.link.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {_('communities.invite.link.description')}
        </Text>
        <FormAlert message={message} />
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={_('communities.invite.link.days')}
            {...field('expiresInDays')}
            data={linkDays.map((d) => ({
              value: String(d),
              label: _('communities.invite.link.dayCount', { count: d }),
            }))}
            w={140}
          />
          <NativeSelect
            label={_('communities.invite.link.joinAs')}
            {...field('role')}
            data={linkRoles.map((r) => ({ value: r, label: _(membershipRoleMessages[r]) }))}
            w={140}
          />
          <Button type="submit" variant="default" loading={busy}>
            {_('communities.invite.link.create')}
          </Button>
        </Group>
        {link ? (
          <Stack gap={4}>
            <Group align="flex-end" gap="sm" wrap="nowrap">
              <TextInput
                label={_('communities.invite.link.label')}
                value={link.url}
                readOnly
                onFocus={(event) => event.currentTarget.select()}
                style={{ flex: 1, minWidth: 0 }}
              />
              <CopyButton value={link.url}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'light' : 'filled'} onClick={copy} aria-live="polite">
                    {copied ? _('communities.invite.link.copied') : _('communities.invite.link.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              {_('communities.invite.link.expires', { date: dateTime(link.expiresAt) })}
            </Text>
          </Stack>
        ) : null}
      </Stack>
    </form>
  );
}

/** Leaders: invite by email, by a shareable link, or a whole cohort from a CSV file; see and revoke. */
export function InvitationsPanel(props: { slug: string }) {
  const { _ } = useLingui();
  return (
    <Card component="section" aria-labelledby="invite-title">
      <Title order={2} size="h3" mb="md" id="invite-title">
        {_('communities.invite.title')}
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
