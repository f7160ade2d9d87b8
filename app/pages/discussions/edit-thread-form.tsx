import { Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { postBodyField, threadTitleField } from '../../../common/fields.ts';
import { apiSend } from '../../api/client.ts';
import type { Thread } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { MarkdownField } from '../meetings/markdown-field.tsx';

const editSchema = z.object({ title: threadTitleField, body: postBodyField });

/** Edit the title and opening post; the previous version is kept by the server. */
export function EditThreadForm(props: { thread: Thread; onDone: () => Promise<void>; onCancel: () => void }) {
  const form = useFormState();
  const [title, setTitle] = useState(props.thread.title);
  const [body, setBody] = useState(props.thread.body);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = form.check(editSchema, { title, body });
    if (!input) return;
    const saved = await form.run(async () => {
      await apiSend('PATCH', `/threads/${props.thread.id}`, input);
      return true;
    });
    if (saved) await props.onDone();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Edit the opening post">
      <Stack gap="md">
        <FormAlert message={form.message} />
        <TextInput
          label="Title"
          name="title"
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={form.error('title')}
          autoFocus
        />
        <MarkdownField
          label="Message"
          name="body"
          value={body}
          onChange={setBody}
          error={form.error('body')}
          empty="Your message will show here as it will look."
        />
        <Group gap="sm">
          <Button type="submit" loading={form.busy}>
            Save changes
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
