import { Button, Group, Stack, Text } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { FormAlert } from './form-alert.tsx';

/**
 * The form inside a dialog that asks for a reason: the alert for what went wrong, a sentence on what
 * happens, the fields, then the way out and the confirming button (right-aligned, in that order).
 */
export function DialogForm(props: {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** The form's accessible name; without it the form is not a landmark. */
  label?: string;
  message: string | null;
  intro: string;
  cancelLabel: string;
  onCancel: () => void;
  submitLabel: string;
  /** 'red' where the step is hard to undo. */
  submitColor?: string;
  busy: boolean;
  children: ReactNode;
}) {
  return (
    <form onSubmit={props.onSubmit} noValidate aria-label={props.label}>
      <Stack gap="md">
        <FormAlert message={props.message} />
        <Text size="sm">{props.intro}</Text>
        {props.children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel}>
            {props.cancelLabel}
          </Button>
          <Button type="submit" color={props.submitColor} loading={props.busy}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
