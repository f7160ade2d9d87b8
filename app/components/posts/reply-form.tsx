import { useLingui } from '@lingui/react';
import { Stack, Textarea } from '@mantine/core';
import { z } from 'zod';
import { postBodyField } from '../../../common/fields.ts';
import { useEditReplyMutation, useReplyMutation } from '../../api/discussions.ts';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { FormActions } from '../form-actions.tsx';
import { FormAlert } from '../form-alert.tsx';
import { MarkdownField } from '../markdown-field.tsx';
import { type Mention, MentionPicker, mentionProps } from './mention-picker.tsx';

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
  const reply = useReplyMutation(props.threadId);
  const editReply = useEditReplyMutation(props.threadId);
  const { form, field, message, busy, submit } = useApiForm({
    initialValues: { body: props.initial ?? '', mentions: [] as Mention[] },
    schema: replySchema,
  });
  const send = async (input: z.output<typeof replySchema>) => {
    if (props.postId) {
      await editReply.mutateAsync({ postId: props.postId, body: input.body });
    } else {
      await reply.mutateAsync({
        body: input.body,
        parentId: props.parentId ?? null,
        mentions: form.getValues().mentions.map((person) => person.id),
      });
    }
  };
  const sent = () => {
    form.setValues({ body: '', mentions: [] });
    void props.onDone?.();
  };
  return (
    <form onSubmit={submit(send, sent)} noValidate aria-label={props.label}>
      <Stack gap="sm">
        <FormAlert message={message} />
        {props.withPreview ? (
          <MarkdownField
            label={props.label}
            name="body"
            description={_('discussions.form.markdownHint')}
            {...field('body')}
            empty={_('discussions.form.replyPreviewEmpty')}
          />
        ) : (
          <Textarea
            label={props.label}
            name="body"
            autosize
            minRows={3}
            maxRows={12}
            {...field('body')}
            autoFocus
          />
        )}
        {props.slug && !props.postId ? <MentionPicker slug={props.slug} {...mentionProps(form)} /> : null}
        <FormActions submitLabel={props.submitLabel} busy={busy} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
