import { Button, Card, Group, Stack, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { FormAlert, StatusAlert } from './form-alert.tsx';

/**
 * A settings card that is one form: its title, the alert for what went wrong, the fields, the
 * "saved" notice and the save button. The form's sending and its messages stay with the page.
 */
export function FormCard(props: {
  title: string;
  onSubmit: (event: FormEvent) => void;
  /** The form-level error (useApiForm's `message`). */
  message: string | null;
  /** Said once saved; null hides it. */
  saved: string | null;
  busy: boolean;
  submitLabel: string;
  /** The widest the fields may grow. */
  maw?: number;
  children: ReactNode;
}) {
  return (
    <Card component="form" onSubmit={props.onSubmit} noValidate>
      <Title order={2} size="h3" mb="md">
        {props.title}
      </Title>
      <Stack gap="md" maw={props.maw}>
        <FormAlert message={props.message} />
        {props.children}
        <StatusAlert message={props.saved} />
        <Group>
          <Button type="submit" loading={props.busy}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
