import { Alert, Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/client.ts';

/** A quiet loading indicator, announced to screen readers. */
export function PageLoader(props: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden="true" />
        <Text size="sm" c="dimmed">
          {props.label ?? 'Loading…'}
        </Text>
      </Stack>
    </Center>
  );
}

/** A failed load, with its message and a way to try again. */
export function LoadError(props: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <Alert color="red" title={props.title ?? 'This could not be loaded'} variant="light">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(props.error)}</Text>
        {props.onRetry ? (
          <Button size="xs" variant="white" color="red" onClick={props.onRetry}>
            Try again
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** An empty list: what is missing, and what the person can do about it. */
export function EmptyState(props: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="md" bg="white">
      <Stack align="center" gap="xs" ta="center">
        <Title order={2} size="h3">
          {props.title}
        </Title>
        {props.children ? (
          <Text c="dimmed" size="sm" maw={460}>
            {props.children}
          </Text>
        ) : null}
        {props.action}
      </Stack>
    </Paper>
  );
}
