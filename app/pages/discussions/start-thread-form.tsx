import { useLingui } from '@lingui/react';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { type ThreadKind, threadKindMessages } from '../../../common/enums.ts';
import { postBodyField, threadTitleField } from '../../../common/fields.ts';
import { useStartThreadMutation } from '../../api/discussions.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import {
  type Mention,
  MentionPicker,
  mentionError,
  withMention,
} from '../../components/posts/mention-picker.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';

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
  const { _ } = useLingui();
  const startThread = useStartThreadMutation(props.slug);
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
      startThread.mutateAsync({ ...input, mentions: mentions.map((person) => person.id) }),
    );
    if (!created) return;
    void navigate(`/discussions/${created.id}`);
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={_('discussions.start.formLabel')}>
      <Stack gap="md">
        <FormAlert message={form.message} />
        <Select
          label={_('discussions.start.kind')}
          name="kind"
          data={kinds.map((value) => ({ value, label: _(threadKindMessages[value]) }))}
          value={kind}
          onChange={(value) => setKind(isKind(value) ? value : 'discussion')}
          allowDeselect={false}
          error={form.error('kind')}
          description={
            kind === 'question'
              ? _('discussions.start.questionHint')
              : kind === 'announcement'
                ? _('discussions.start.announcementHint')
                : undefined
          }
        />
        <TextInput
          label={_('discussions.form.title')}
          name="title"
          required
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={form.error('title')}
          data-autofocus
        />
        <MarkdownField
          label={_('discussions.form.message')}
          name="body"
          description={_('discussions.form.markdownHint')}
          value={body}
          onChange={setBody}
          error={form.error('body')}
          empty={_('discussions.form.messagePreviewEmpty')}
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
            {_('discussions.start.post')}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            {_('common.action.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
