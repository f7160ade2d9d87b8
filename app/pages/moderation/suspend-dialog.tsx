import { useLingui } from '@lingui/react';
import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { useSuspendMutation } from '../../api/moderation.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';

/** The form's rules, with their messages in the language shown. */
function suspendSchema(_: ReturnType<typeof useLingui>['_']) {
  return z.object({
    reason: z.string().trim().min(3, _('moderation.suspend.reasonTooShort')).max(1000),
    endsOn: z
      .string()
      .refine((value) => value === '' || new Date(`${value}T23:59:59`).getTime() > Date.now(), {
        message: _('moderation.suspend.endsOnPast'),
      }),
  });
}

/**
 * Suspends a member from a community: a reason (the person is told) and an optional last day (the
 * suspension ends at its close, in the viewer's time zone); without one it lasts until lifted.
 */
export function SuspendDialog(props: {
  opened: boolean;
  slug: string;
  person: { id: string; displayName: string };
  onClose: () => void;
}) {
  const { _ } = useLingui();
  const form = useFormState();
  const suspend = useSuspendMutation(props.slug);
  const [reason, setReason] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const close = () => {
    form.reset();
    props.onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = form.check(suspendSchema(_), { reason, endsOn });
    if (!input) return;
    const done = await form.run(async () => {
      await suspend.mutateAsync({
        userId: props.person.id,
        reason: input.reason,
        ...(input.endsOn ? { endsAt: new Date(`${input.endsOn}T23:59:59`).toISOString() } : {}),
      });
      return true;
    });
    if (!done) return;
    setReason('');
    setEndsOn('');
    props.onClose();
  };
  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={_('moderation.suspend.title', { name: props.person.displayName })}
      centered
    >
      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-label={_('moderation.suspend.title', { name: props.person.displayName })}
      >
        <Stack gap="md">
          <FormAlert message={form.message} />
          <Text size="sm">{_('moderation.suspend.intro', { name: props.person.displayName })}</Text>
          <Textarea
            label={_('moderation.suspend.reason')}
            name="reason"
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={form.error('reason')}
            data-autofocus
          />
          <TextInput
            type="date"
            label={_('moderation.suspend.lastDay')}
            description={_('moderation.suspend.lastDayHint')}
            name="endsOn"
            value={endsOn}
            onChange={(event) => setEndsOn(event.currentTarget.value)}
            error={form.error('endsOn') ?? form.error('endsAt')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {_('common.action.cancel')}
            </Button>
            <Button type="submit" color="red" loading={form.busy}>
              {_('moderation.suspend.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
