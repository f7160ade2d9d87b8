import { useLingui } from '@lingui/react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { messageBodyField } from '../../../common/fields.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
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
  const form = useApiForm({
    initialValues: { message: '' },
    schema: props.messageRequired ? required : optional,
  });
  const close = () => {
    form.clear();
    props.onClose();
  };
  const send = form.submit(
    (body) => props.onConfirm(body.message),
    () => {
      form.reset();
      props.onClose();
    },
  );
  return (
    <Modal opened={props.opened} onClose={close} title={props.title} centered size="lg">
      <form onSubmit={send} noValidate>
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
              {...form.field('message')}
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
