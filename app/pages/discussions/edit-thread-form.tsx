import { useLingui } from '@lingui/react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { postBodyField, threadTitleField } from '../../../common/fields.ts';
import { useEditThreadMutation } from '../../api/discussions.ts';
import type { Thread } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';

const editSchema = z.object({ title: threadTitleField, body: postBodyField });

/** Edit the title and opening post; the previous version is kept by the server. */
export function EditThreadForm(props: { thread: Thread; onDone: () => Promise<void>; onCancel: () => void }) {
  const { _ } = useLingui();
  const form = useFormState();
  const edit = useEditThreadMutation(props.thread.id);
  const [title, setTitle] = useState(props.thread.title);
  const [body, setBody] = useState(props.thread.body);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = form.check(editSchema, { title, body });
    if (!input) return;
    const saved = await form.run(async () => {
      await edit.mutateAsync(input);
      return true;
    });
    if (saved) await props.onDone();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={_('discussions.edit.formLabel')}>
      <Stack gap="md">
        <FormAlert message={form.message} />
        <TextInput
          label={_('discussions.form.title')}
          name="title"
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={form.error('title')}
          autoFocus
        />
        <MarkdownField
          label={_('discussions.form.message')}
          name="body"
          value={body}
          onChange={setBody}
          error={form.error('body')}
          empty={_('discussions.form.messagePreviewEmpty')}
        />
        <Group gap="sm">
          <Button type="submit" loading={form.busy}>
            {_('common.action.saveChanges')}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            {_('common.action.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
