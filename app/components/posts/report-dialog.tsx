import { useLingui } from '@lingui/react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { useReportPostMutation } from '../../api/discussions.ts';
import { useFormState } from '../../hooks/use-form-state.ts';
import { FormAlert, StatusAlert } from '../form-alert.tsx';

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
  const form = useFormState();
  const report = useReportPostMutation(props.threadId);
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState(false);
  const close = () => {
    form.reset();
    setSent(false);
    setReason('');
    props.onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const reportSchema = z.object({
      reason: z
        .string()
        .trim()
        .min(3, _('discussions.report.reasonTooShort'))
        .max(1000, _('discussions.report.reasonTooLong', { max: 1000 })),
    });
    const input = form.check(reportSchema, { reason });
    if (!input) return;
    const done = await form.run(async () => {
      await report.mutateAsync({ postId: props.postId, reason: input.reason });
      return true;
    });
    if (done) setSent(true);
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
        <form onSubmit={(event) => void submit(event)} noValidate aria-label={props.title}>
          <Stack gap="md">
            <FormAlert message={form.message} />
            <Text size="sm">{_('discussions.report.intro')}</Text>
            <Textarea
              label={_('discussions.report.reason')}
              name="reason"
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={form.error('reason')}
              data-autofocus
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {_('common.action.cancel')}
              </Button>
              <Button type="submit" loading={form.busy}>
                {_('discussions.report.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
