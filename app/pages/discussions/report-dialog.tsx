import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { apiSend } from '../../api/client.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';

const reportSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(3, 'Say what is wrong, in a few words.')
    .max(1000, 'Use at most 1,000 characters.'),
});

/** Reports the opening post (`postId` null) or a reply to the community's moderators, with a reason. */
export function ReportDialog(props: {
  opened: boolean;
  threadId: string;
  postId: string | null;
  what: string;
  onClose: () => void;
}) {
  const form = useFormState();
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
    const input = form.check(reportSchema, { reason });
    if (!input) return;
    const done = await form.run(async () => {
      await apiSend('POST', `/threads/${props.threadId}/reports`, {
        postId: props.postId,
        reason: input.reason,
      });
      return true;
    });
    if (done) setSent(true);
  };
  return (
    <Modal opened={props.opened} onClose={close} title={`Report ${props.what}`} centered>
      {sent ? (
        <Stack gap="md">
          <StatusAlert message="Thank you: the community’s moderators will look at it." />
          <Group justify="flex-end">
            <Button onClick={close} data-autofocus>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate aria-label={`Report ${props.what}`}>
          <Stack gap="md">
            <FormAlert message={form.message} />
            <Text size="sm">
              Tell the community’s moderators what is wrong. They see your name and your reason; the author
              does not.
            </Text>
            <Textarea
              label="Reason"
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
                Cancel
              </Button>
              <Button type="submit" loading={form.busy}>
                Send report
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
