import { useLingui } from '@lingui/react';
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { useReportPostMutation } from '../../api/discussions.ts';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { DialogForm } from '../dialog-form.tsx';
import { StatusAlert } from '../form-alert.tsx';

/** Reports the opening post (`postId` null) or a reply to the community's moderators, with a reason. */
export function ReportDialog(props: {
  opened: boolean;
  threadId: string;
  postId: string | null;
  /** "Report the opening post", "Report the reply from …": the dialog's title. */
  title: string;
  onClose: () => void;
}) {
  const { _ } = useLingui();
  const report = useReportPostMutation(props.threadId);
  const schema = useMemo(
    () =>
      z.object({
        reason: z
          .string()
          .trim()
          .min(3, _('discussions.report.reasonTooShort'))
          .max(1000, _('discussions.report.reasonTooLong', { max: 1000 })),
      }),
    [_],
  );
  const { field, message, busy, submit, reset } = useApiForm({ initialValues: { reason: '' }, schema });
  const [sent, setSent] = useState(false);
  const close = () => {
    reset();
    setSent(false);
    props.onClose();
  };
  return (
    <Modal opened={props.opened} onClose={close} title={props.title} centered>
      {sent ? (
        <Stack gap="md">
          <StatusAlert message={_('discussions.report.thanks')} />
          <Group justify="flex-end">
            <Button onClick={close} data-autofocus>
              {_('discussions.report.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <DialogForm
          onSubmit={submit(
            (body) => report.mutateAsync({ postId: props.postId, reason: body.reason }),
            () => setSent(true),
          )}
          label={props.title}
          message={message}
          intro={_('discussions.report.intro')}
          cancelLabel={_('common.action.cancel')}
          onCancel={close}
          submitLabel={_('discussions.report.send')}
          busy={busy}
        >
          <Textarea
            label={_('discussions.report.reason')}
            name="reason"
            required
            autosize
            minRows={2}
            {...field('reason')}
            data-autofocus
          />
        </DialogForm>
      )}
    </Modal>
  );
}
