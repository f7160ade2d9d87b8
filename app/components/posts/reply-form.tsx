import { useLingui } from '@lingui/react';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { postBodyField } from '../../../common/fields.ts';
import { useEditReplyMutation, useReplyMutation } from '../../api/discussions.ts';
import { useFormState } from '../../hooks/use-form-state.ts';
import { FormAlert } from '../form-alert.tsx';
import { MarkdownField } from '../markdown-field.tsx';
import { type Mention, MentionPicker, mentionError, withMention } from './mention-picker.tsx';

const replySchema = z.object({ body: postBodyField });

/**
 * A reply (to the thread, or under a reply when `parentId` is set) or an edit of an existing post when
 * `postId` is set. Short nested forms use a plain textarea; the main reply form has a preview.
 */
export function ReplyForm(props: {
  threadId: string;
  /** The community, for "Mention someone" (new replies only: an edit does not notify). */
  slug?: string;
  label: string;
  parentId?: string | null;
  postId?: string;
  initial?: string;
  submitLabel: string;
  withPreview?: boolean;
  /** Called once sent (the thread itself refreshes on its own). */
  onDone?: () => Promise<void>;
  onCancel?: () => void;
}) {
  const { _ } = useLingui();
  const form = useFormState();
  const reply = useReplyMutation(props.threadId);
  const editReply = useEditReplyMutation(props.threadId);
  const [body, setBody] = useState(props.initial ?? '');
  const [mentions, setMentions] = useState<Mention[]>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = form.check(replySchema, { body });
    if (!input) return;
    const sent = await form.run(async () => {
      if (props.postId) {
        await editReply.mutateAsync({ postId: props.postId, body: input.body });
      } else {
        await reply.mutateAsync({
          body: input.body,
          parentId: props.parentId ?? null,
          mentions: mentions.map((person) => person.id),
        });
      }
      return true;
    });
    if (!sent) return;
    setBody('');
    setMentions([]);
    await props.onDone?.();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={props.label}>
      <Stack gap="sm">
        <FormAlert message={form.message} />
        {props.withPreview ? (
          <MarkdownField
            label={props.label}
            name="body"
            description={_('discussions.form.markdownHint')}
            value={body}
            onChange={setBody}
            error={form.error('body')}
            empty={_('discussions.form.replyPreviewEmpty')}
          />
        ) : (
          <Textarea
            label={props.label}
            name="body"
            autosize
            minRows={3}
            maxRows={12}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={form.error('body')}
            autoFocus
          />
        )}
        {props.slug && !props.postId ? (
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
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={form.busy}>
            {props.submitLabel}
          </Button>
          {props.onCancel ? (
            <Button variant="default" onClick={props.onCancel}>
              {_('common.action.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
