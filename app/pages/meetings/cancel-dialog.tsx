import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { seriesScopeField } from '../../../common/meeting-fields.ts';
import { apiSend } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Meeting } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { refreshMeetingLists } from './meeting-cache.ts';

const cancelSchema = z.object({
  scope: seriesScopeField,
  reason: z.string().trim().max(1000, 'Use at most 1,000 characters.'),
});

/** Cancel a meeting (or it and the following ones of its series), with a reason people are told. */
export function CancelMeetingDialog(props: {
  meeting: Meeting;
  opened: boolean;
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const { meeting } = props;
  const queryClient = useQueryClient();
  const form = useFormState();
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<'this' | 'following'>('this');
  const close = () => {
    form.reset();
    props.onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(cancelSchema, { scope, reason });
    if (!body) return;
    const updated = await form.run(() => apiSend<Meeting>('POST', `/meetings/${meeting.id}/cancel`, body));
    if (!updated) return;
    queryClient.setQueryData(keys.meeting(meeting.id), updated);
    await refreshMeetingLists(queryClient, meeting.community.slug);
    props.onDone(
      scope === 'following'
        ? 'This meeting and the following ones are cancelled.'
        : 'The meeting is cancelled.',
    );
    props.onClose();
  };
  return (
    <Modal opened={props.opened} onClose={close} title={`Cancel “${meeting.title}”?`} centered size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={form.message} />
          <Text size="sm">
            The meeting stays visible, marked as cancelled. Everyone who said they are going or maybe is told.
          </Text>
          {meeting.series ? (
            <Radio.Group
              label="Cancel"
              name="scope"
              value={scope}
              onChange={(value) => setScope(value === 'following' ? 'following' : 'this')}
              error={form.error('scope')}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="this" label="This meeting" />
                <Radio value="following" label="This and following meetings" />
              </Stack>
            </Radio.Group>
          ) : null}
          <Textarea
            label="Reason"
            description="Optional; included in the message people receive."
            name="reason"
            autosize
            minRows={3}
            maxRows={8}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={form.error('reason')}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Keep the meeting
            </Button>
            <Button type="submit" color="red" loading={form.busy}>
              Cancel meeting
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
