import { useLingui } from '@lingui/react';
import { Select, Stack, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { type ThreadKind, threadKindMessages } from '../../../common/enums.ts';
import { postBodyField, threadTitleField } from '../../../common/fields.ts';
import { useStartThreadMutation } from '../../api/discussions.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { type Mention, MentionPicker, mentionProps } from '../../components/posts/mention-picker.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

const startSchema = z.object({
  kind: z.enum(['discussion', 'question', 'announcement']),
  title: threadTitleField,
  body: postBodyField,
});

/** Start a thread in the community; announcements only for those who may post them. */
export function StartThreadForm(props: { slug: string; canAnnounce: boolean; onCancel: () => void }) {
  const { _ } = useLingui();
  const startThread = useStartThreadMutation(props.slug);
  const navigate = useNavigate();
  const { form, field, message, busy, submit } = useApiForm({
    initialValues: { kind: 'discussion' as ThreadKind, title: '', body: '', mentions: [] as Mention[] },
    schema: startSchema,
  });
  const { kind } = form.getValues();
  const kinds: ThreadKind[] = props.canAnnounce
    ? ['discussion', 'question', 'announcement']
    : ['discussion', 'question'];
  return (
    <form
      onSubmit={submit(
        (input) =>
          startThread.mutateAsync({
            ...input,
            mentions: form.getValues().mentions.map((person) => person.id),
          }),
        (created) => void navigate(`/discussions/${created.id}`),
      )}
      noValidate
      aria-label={_('discussions.start.formLabel')}
    >
      <Stack gap="md">
        <FormAlert message={message} />
        <Select
          label={_('discussions.start.kind')}
          name="kind"
          data={kinds.map((value) => ({ value, label: _(threadKindMessages[value]) }))}
          {...field('kind')}
          allowDeselect={false}
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
          {...field('title')}
          data-autofocus
        />
        <MarkdownField
          label={_('discussions.form.message')}
          name="body"
          description={_('discussions.form.markdownHint')}
          {...field('body')}
          empty={_('discussions.form.messagePreviewEmpty')}
        />
        <MentionPicker slug={props.slug} {...mentionProps(form)} />
        <FormActions submitLabel={_('discussions.start.post')} busy={busy} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
