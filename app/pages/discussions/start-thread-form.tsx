import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { type ThreadKind, threadKindLabels } from '../../../common/enums.ts';
import { postBodyField, threadTitleField } from '../../../common/fields.ts';
import { apiSend } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { MarkdownField } from '../meetings/markdown-field.tsx';
import { type Mention, MentionPicker, mentionError, withMention } from './mention-picker.tsx';

const startSchema = z.object({
  kind: z.enum(['discussion', 'question', 'announcement']),
  title: threadTitleField,
  body: postBodyField,
});

function isKind(value: string | null): value is ThreadKind {
  return value === 'discussion' || value === 'question' || value === 'announcement';
}

/** Start a thread in the community; announcements only for those who may post them. */
export function StartThreadForm(props: { slug: string; canAnnounce: boolean; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useFormState();
  const [kind, setKind] = useState<ThreadKind>('discussion');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<Mention[]>([]);
  const kinds: ThreadKind[] = props.canAnnounce
    ? ['discussion', 'question', 'announcement']
    : ['discussion', 'question'];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = form.check(startSchema, { kind, title, body });
    if (!input) return;
    const created = await form.run(() =>
      apiSend<{ id: string }>('POST', `/communities/${props.slug}/threads`, {
        ...input,
        mentions: mentions.map((person) => person.id),
      }),
    );
    if (!created) return;
    await queryClient.invalidateQueries({ queryKey: keys.communityThreads(props.slug) });
    void navigate(`/discussions/${created.id}`);
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Start a discussion">
      <Stack gap="md">
        <FormAlert message={form.message} />
        <Select
          label="Kind"
          name="kind"
          data={kinds.map((value) => ({ value, label: threadKindLabels[value] }))}
          value={kind}
          onChange={(value) => setKind(isKind(value) ? value : 'discussion')}
          allowDeselect={false}
          error={form.error('kind')}
          description={
            kind === 'question'
              ? 'You can mark the reply that answers it as the helpful answer.'
              : kind === 'announcement'
                ? 'Every member is notified.'
                : undefined
          }
        />
        <TextInput
          label="Title"
          name="title"
          required
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={form.error('title')}
          data-autofocus
        />
        <MarkdownField
          label="Message"
          name="body"
          description="Markdown works: **bold**, lists, links."
          value={body}
          onChange={setBody}
          error={form.error('body')}
          empty="Your message will show here as it will look."
        />
        <MentionPicker
          slug={props.slug}
          value={mentions}
          onPick={(person) => {
            setMentions((current) => [...current, person]);
            setBody((current) => withMention(current, person));
          }}
          onRemove={(id) => setMentions((current) => current.filter((person) => person.id !== id))}
          error={mentionError(form.fields)}
        />
        <Group gap="sm">
          <Button type="submit" loading={form.busy}>
            Post
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
