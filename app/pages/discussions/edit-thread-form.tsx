import { useLingui } from '@lingui/react';
import { Stack, TextInput } from '@mantine/core';
import { z } from 'zod';
import { postBodyField, threadTitleField } from '../../../common/fields.ts';
import { useEditThreadMutation } from '../../api/discussions.ts';
import type { Thread } from '../../api/types.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

const editSchema = z.object({ title: threadTitleField, body: postBodyField });

/** Edit the title and opening post; the previous version is kept by the server. */
export function EditThreadForm(props: { thread: Thread; onDone: () => Promise<void>; onCancel: () => void }) {
  const { _ } = useLingui();
  const edit = useEditThreadMutation(props.thread.id);
  const { field, message, busy, submit } = useApiForm({
    initialValues: { title: props.thread.title, body: props.thread.body },
    schema: editSchema,
  });
  return (
    <form
      onSubmit={submit(
        (input) => edit.mutateAsync(input),
        () => void props.onDone(),
      )}
      noValidate
      aria-label={_('discussions.edit.formLabel')}
    >
      <Stack gap="md">
        <FormAlert message={message} />
        <TextInput label={_('discussions.form.title')} name="title" {...field('title')} autoFocus />
        <MarkdownField
          label={_('discussions.form.message')}
          name="body"
          {...field('body')}
          empty={_('discussions.form.messagePreviewEmpty')}
        />
        <FormActions submitLabel={_('common.action.saveChanges')} busy={busy} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
