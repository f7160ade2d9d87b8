import { useLingui } from '@lingui/react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { z } from 'zod';
import { messageBodyField } from '../../../common/fields.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { i18n } from '../../i18n/i18n.ts';

const required = z.object({ message: messageBodyField });
const optional = z.object({
  message: z
    .string()
    .trim()
    .max(5000, { error: () => i18n._('proposals.step.tooLong') }),
});

/**
 * A titled dialog for one step of a proposal (approve, ask for changes, decline, resubmit, withdraw):
 * an explanation, a message (required or optional) and a confirm button. `onConfirm` sends the step;
 * an API error stays in the dialog.
 */
export function StepDialog(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children?: ReactNode;
  messageLabel?: string;
  messageDescription?: string;
  messageRequired?: boolean;
  confirmLabel: string;
  color?: 'red' | 'forest';
  onConfirm: (message: string) => Promise<unknown>;
}) {
  const { _ } = useLingui();
  const form = useFormState();
  const [message, setMessage] = useState('');
  const close = () => {
    form.reset();
    props.onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(props.messageRequired ? required : optional, { message });
    if (!body) return;
    const done = await form.run(() => props.onConfirm(body.message));
    if (done !== undefined) {
      setMessage('');
      props.onClose();
    }
  };
  return (
    <Modal opened={props.opened} onClose={close} title={props.title} centered size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={form.message} />
          {props.children ? <Text size="sm">{props.children}</Text> : null}
          {props.messageLabel ? (
            <Textarea
              label={props.messageLabel}
              description={props.messageDescription}
              name="message"
              required={props.messageRequired}
              autosize
              minRows={3}
              maxRows={10}
              value={message}
              onChange={(event) => setMessage(event.currentTarget.value)}
              error={form.error('message')}
              data-autofocus
            />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus={props.messageLabel ? undefined : true}>
              {_('common.action.cancel')}
            </Button>
            <Button type="submit" color={props.color ?? 'forest'} loading={form.busy}>
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
