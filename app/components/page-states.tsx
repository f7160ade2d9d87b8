import { useLingui } from '@lingui/react';
import { Alert, Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MessageId } from '../../common/i18n/message-id.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { PageHeader } from './page-header.tsx';

/** A quiet loading indicator, announced to screen readers. */
export function PageLoader(props: { label?: string }) {
  const { _ } = useLingui();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden="true" />
        <Text size="sm" c="dimmed">
          {props.label ?? _('common.state.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

/** A failed load, with its message and a way to try again. */
export function LoadError(props: { error: unknown; onRetry?: () => void; title?: string }) {
  const { _ } = useLingui();
  return (
    <Alert color="red" title={props.title ?? _('layout.loadError.title')} variant="light">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(props.error)}</Text>
        {props.onRetry ? (
          <Button size="xs" variant="white" color="red" onClick={props.onRetry}>
            {_('common.action.tryAgain')}
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

/** The things CommunityItemPageState stands in for, each with its own messages (word order and gender differ). */
const itemMessages = {
  Discussion: {
    name: 'layout.itemState.discussion.name',
    notFound: 'layout.itemState.discussion.notFound',
    notHere: 'layout.itemState.discussion.notHere',
  },
  Resource: {
    name: 'layout.itemState.resource.name',
    notFound: 'layout.itemState.resource.notFound',
    notHere: 'layout.itemState.resource.notHere',
  },
  Collection: {
    name: 'layout.itemState.collection.name',
    notFound: 'layout.itemState.collection.notFound',
    notHere: 'layout.itemState.collection.notHere',
  },
} as const satisfies Record<string, Record<'name' | 'notFound' | 'notHere', MessageId>>;

/**
 * The page for one thing in a community (a discussion, a resource, a collection) while it loads or
 * when it cannot: a loader, "not here" for a missing or unseen one (404; 400 for a malformed id), or
 * the error with a retry. Renders nothing once the query has its data.
 */
export function CommunityItemPageState(props: {
  /** Which thing it is: "Discussion", "Resource" or "Collection" (its words come from the catalogs). */
  noun: keyof typeof itemMessages;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
}) {
  const { _ } = useLingui();
  const { query } = props;
  const messages = itemMessages[props.noun];
  if (query.isPending) {
    return (
      <>
        <PageHeader title={_(messages.name)} />
        <PageLoader />
      </>
    );
  }
  if (!query.isError) return null;
  const missing = query.error instanceof ApiError && [400, 404].includes(query.error.status);
  return (
    <>
      <PageHeader title={missing ? _(messages.notFound) : _(messages.name)} />
      {missing ? (
        <EmptyState
          title={_(messages.notHere)}
          action={
            <Button component={Link} to="/communities" variant="light" mt="sm">
              {_('layout.itemState.browse')}
            </Button>
          }
        >
          {_('layout.itemState.gone')}
        </EmptyState>
      ) : (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      )}
    </>
  );
}
