import { Trans, useLingui } from '@lingui/react';
import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { z } from 'zod';
import { messageBodyField } from '../../../common/fields.ts';
import { useProposalMessageMutation } from '../../api/proposals.ts';
import type { Proposal, ProposalMessage } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';
import { proposalEventMessages } from './proposal-status.tsx';

const commentSchema = z.object({ body: messageBodyField });

/** Review steps stand out from comments by a coloured edge. */
const eventTone: Record<ProposalMessage['event'], string> = {
  comment: 'var(--mantine-color-gray-3)',
  submitted: 'var(--mantine-color-forest-4)',
  resubmitted: 'var(--mantine-color-forest-4)',
  changes_requested: 'var(--mantine-color-amber-5)',
  approved: 'var(--mantine-color-forest-7)',
  declined: 'var(--mantine-color-red-7)',
  withdrawn: 'var(--mantine-color-gray-6)',
};

function MessageItem(props: { message: ProposalMessage }) {
  const { _ } = useLingui();
  const { message } = props;
  const name = message.author?.displayName ?? _('proposals.conversation.someoneGone');
  return (
    <li className="conversation-item" style={{ borderInlineStartColor: eventTone[message.event] }}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <PersonAvatar name={name} photoUrl={null} size={32} />
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm">
            <Trans
              id={proposalEventMessages[message.event]}
              components={{
                name: (
                  <Text span fw={650}>
                    {name}
                  </Text>
                ),
              }}
            />
            <Text span c="dimmed" size="xs">
              {' · '}
              <time dateTime={message.createdAt} title={dateTime(message.createdAt)}>
                {relativeTime(message.createdAt)}
              </time>
            </Text>
          </Text>
          {message.body ? (
            <Text size="sm" className="plain-text">
              {message.body}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </li>
  );
}

/** The proposal's conversation, oldest first (review steps and comments), and a reply box. */
export function ProposalConversation(props: { proposal: Proposal }) {
  const { _ } = useLingui();
  const { proposal } = props;
  const comment = useProposalMessageMutation(proposal.id);
  const form = useApiForm({ initialValues: { body: '' }, schema: commentSchema });
  const send = form.submit(
    (checked) => comment.mutateAsync(checked),
    () => form.reset(),
  );

  return (
    <Card component="section" aria-labelledby="conversation-title">
      <Title order={2} size="h3" id="conversation-title" mb={4}>
        {_('proposals.conversation.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {_('proposals.conversation.intro')}
      </Text>
      <ol className="conversation" aria-label={_('proposals.conversation.listLabel')}>
        {proposal.messages.map((message) => (
          <MessageItem key={message.id} message={message} />
        ))}
      </ol>
      {proposal.can.comment ? (
        <form onSubmit={send} noValidate>
          <Stack gap="sm" mt="lg">
            <FormAlert message={form.message} />
            <Textarea
              label={_('proposals.conversation.yourMessage')}
              name="body"
              autosize
              minRows={3}
              maxRows={12}
              {...form.field('body')}
            />
            <Group>
              <Button type="submit" variant="light" loading={form.busy}>
                {_('proposals.conversation.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Card>
  );
}
