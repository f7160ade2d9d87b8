import { Alert, Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../api/client.ts';
import { PageHeader } from './page-header.tsx';

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

/**
 * The page for one thing in a community (a discussion, a resource, a collection) while it loads or
 * when it cannot: a loader, "not here" for a missing or unseen one (404; 400 for a malformed id), or
 * the error with a retry. Renders nothing once the query has its data.
 */
export function CommunityItemPageState(props: {
  /** What the thing is called, capitalised: "Discussion", "Resource". */
  noun: string;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
}) {
  const { noun, query } = props;
  if (query.isPending) {
    return (
      <>
        <PageHeader title={noun} />
        <PageLoader />
      </>
    );
  }
  if (!query.isError) return null;
  const missing = query.error instanceof ApiError && [400, 404].includes(query.error.status);
  return (
    <>
      <PageHeader title={missing ? `${noun} not found` : noun} />
      {missing ? (
        <EmptyState
          title={`This ${noun.toLowerCase()} is not here`}
          action={
            <Button component={Link} to="/communities" variant="light" mt="sm">
              Browse communities
            </Button>
          }
        >
          It may have been deleted, or it belongs to a community you cannot see.
        </EmptyState>
      ) : (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      )}
    </>
  );
}
