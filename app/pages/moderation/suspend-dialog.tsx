import { useLingui } from '@lingui/react';
import { Modal, Textarea, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { z } from 'zod';
import { useSuspendMutation } from '../../api/moderation.ts';
import { DialogForm } from '../../components/dialog-form.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

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
  const suspend = useSuspendMutation(props.slug);
  const schema = useMemo(() => suspendSchema(_), [_]);
  const { field, message, busy, submit, reset, clear } = useApiForm({
    initialValues: { reason: '', endsOn: '' },
    schema,
  });
  const close = () => {
    clear();
    props.onClose();
  };
  const send = submit(
    (input) =>
      suspend.mutateAsync({
        userId: props.person.id,
        reason: input.reason,
        ...(input.endsOn ? { endsAt: new Date(`${input.endsOn}T23:59:59`).toISOString() } : {}),
      }),
    () => {
      reset();
      props.onClose();
    },
  );
  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={_('moderation.suspend.title', { name: props.person.displayName })}
      centered
    >
      <DialogForm
        onSubmit={send}
        label={_('moderation.suspend.title', { name: props.person.displayName })}
        message={message}
        intro={_('moderation.suspend.intro', { name: props.person.displayName })}
        cancelLabel={_('common.action.cancel')}
        onCancel={close}
        submitLabel={_('moderation.suspend.submit')}
        submitColor="red"
        busy={busy}
      >
        <Textarea
          label={_('moderation.suspend.reason')}
          name="reason"
          required
          autosize
          minRows={2}
          {...field('reason')}
          data-autofocus
        />
        <TextInput
          type="date"
          label={_('moderation.suspend.lastDay')}
          description={_('moderation.suspend.lastDayHint')}
          name="endsOn"
          {...field('endsOn')}
          // The server names the instant it was sent (endsAt).
          error={field('endsOn').error ?? field('endsAt').error}
        />
      </DialogForm>
    </Modal>
  );
}
