import { useLingui } from '@lingui/react';
import { Modal, Radio, Stack, Textarea } from '@mantine/core';
import { z } from 'zod';
import { seriesScopeField } from '../../../common/meeting-fields.ts';
import { useCancelMeetingMutation } from '../../api/meetings.ts';
import type { Meeting } from '../../api/types.ts';
import { DialogForm } from '../../components/dialog-form.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { i18n } from '../../i18n/i18n.ts';

const cancelSchema = z.object({
  scope: seriesScopeField,
  reason: z
    .string()
    .trim()
    .max(1000, { error: () => i18n._('meetings.cancel.tooLong') }),
});

/** Cancel a meeting (or it and the following ones of its series), with a reason people are told. */
export function CancelMeetingDialog(props: {
  meeting: Meeting;
  opened: boolean;
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const { _ } = useLingui();
  const { meeting } = props;
  const cancel = useCancelMeetingMutation(meeting.id, meeting.community.slug);
  const { form, field, message, setMessage, busy, submit } = useApiForm({
    initialValues: { scope: 'this' as 'this' | 'following', reason: '' },
    schema: cancelSchema,
  });
  // Closing keeps what was written for next time, but not what was said about it.
  const close = () => {
    form.clearErrors();
    setMessage(null);
    props.onClose();
  };
  const onSubmit = submit(
    async (body) => {
      await cancel.mutateAsync(body);
      return body.scope;
    },
    (scope) => {
      props.onDone(scope === 'following' ? _('meetings.cancel.doneFollowing') : _('meetings.cancel.done'));
      props.onClose();
    },
  );
  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={_('meetings.cancel.title', { title: meeting.title })}
      centered
      size="lg"
    >
      <DialogForm
        onSubmit={onSubmit}
        message={message}
        intro={_('meetings.cancel.body')}
        cancelLabel={_('meetings.cancel.keep')}
        onCancel={close}
        submitLabel={_('meetings.meeting.cancel')}
        submitColor="red"
        busy={busy}
      >
        {meeting.series ? (
          <Radio.Group label={_('meetings.cancel.scope')} name="scope" {...field('scope')}>
            <Stack gap="xs" mt="xs">
              <Radio value="this" label={_('meetings.scope.this')} />
              <Radio value="following" label={_('meetings.scope.following')} />
            </Stack>
          </Radio.Group>
        ) : null}
        <Textarea
          label={_('meetings.cancel.reason')}
          description={_('meetings.cancel.reasonHint')}
          name="reason"
          autosize
          minRows={3}
          maxRows={8}
          {...field('reason')}
          data-autofocus
        />
      </DialogForm>
    </Modal>
  );
}
