import { Anchor, Badge, Button, Card, Group, Stack, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { contactTopicLabels } from '../../../common/enums.ts';
import { apiGetPage } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { ContactRequestSummary } from '../../api/types.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateTime, relativeTime } from '../../lib/dates.ts';

type InboxStatus = ContactRequestSummary['status'];

function RequestRow(props: { request: ContactRequestSummary }) {
  const { request } = props;
  const replies = request.replyCount === 1 ? '1 answer' : `${request.replyCount} answers`;
  return (
    <Card component="li" padding="md" aria-labelledby={`request-${request.id}`}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Anchor
            component={Link}
            to={`/coordination/inbox/${request.id}`}
            fw={650}
            c="forest.9"
            underline="hover"
            id={`request-${request.id}`}
            style={{ overflowWrap: 'anywhere' }}
          >
            {request.name}: {contactTopicLabels[request.topic]}
          </Anchor>
          <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {request.excerpt}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {request.email}
            {request.hasAccount ? '' : ' (no account)'} ·{' '}
            <time dateTime={request.createdAt} title={dateTime(request.createdAt)}>
              {relativeTime(request.createdAt)}
            </time>
          </Text>
        </Stack>
        <Stack gap={6} align="flex-end">
          <Badge variant="light" color={request.replyCount > 0 ? 'forest' : 'amber'} tt="none">
            {request.replyCount > 0 ? replies : 'Not answered'}
          </Badge>
          {request.handledBy ? (
            <Text size="xs" c="dimmed">
              {request.status === 'done' ? 'Done by' : 'Handled by'} {request.handledBy.displayName}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Card>
  );
}

function InboxList(props: { status: InboxStatus }) {
  const requests = useInfiniteQuery({
    queryKey: [...keys.contactRequests, 'list', props.status],
    queryFn: ({ pageParam }) =>
      apiGetPage<ContactRequestSummary>('/coordinator/contact-requests', {
        status: props.status,
        cursor: pageParam,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const list = requests.data?.pages.flatMap((page) => page.data) ?? [];
  const label = props.status === 'open' ? 'Open requests' : 'Done requests';
  return (
    <>
      <VisuallyHidden role="status">
        {requests.isPending
          ? 'Loading messages…'
          : `${list.length}${requests.hasNextPage ? ' or more' : ''} ${list.length === 1 ? 'message' : 'messages'} shown`}
      </VisuallyHidden>
      {requests.isPending ? (
        <PageLoader label="Loading messages…" />
      ) : requests.isError ? (
        <LoadError error={requests.error} onRetry={() => void requests.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState title={props.status === 'open' ? 'Inbox zero' : 'Nothing done yet'}>
          {props.status === 'open'
            ? 'No one is waiting for an answer. Messages from the “Get in touch” form arrive here.'
            : 'Requests you mark done move here; reopen one if it needs more.'}
        </EmptyState>
      ) : (
        <Stack
          gap="sm"
          component="ul"
          aria-label={label}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {list.map((request) => (
            <RequestRow key={request.id} request={request} />
          ))}
        </Stack>
      )}
      {requests.hasNextPage ? (
        <Group justify="center" mt="lg">
          <Button
            variant="default"
            onClick={() => void requests.fetchNextPage()}
            loading={requests.isFetchingNextPage}
          >
            Load more
          </Button>
        </Group>
      ) : null}
    </>
  );
}

/** /coordination/inbox: messages sent through "Get in touch", open or done, newest first. */
export function InboxPage() {
  const [params, setParams] = useSearchParams();
  const status: InboxStatus = params.get('status') === 'done' ? 'done' : 'open';
  return (
    <>
      <PageHeader
        title="Inbox"
        description="Messages to the coordinators from the “Get in touch” form. Answer by email, then mark them done."
      />
      <Tabs
        value={status}
        onChange={(value) => setParams(value === 'done' ? { status: 'done' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg" aria-label="Request status">
          <Tabs.Tab value="open">Open</Tabs.Tab>
          <Tabs.Tab value="done">Done</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="open">
          <InboxList status="open" />
        </Tabs.Panel>
        <Tabs.Panel value="done">
          <InboxList status="done" />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** Notifications and emails link to /coordinator/contact-requests/:id (the API's path): lead to the page. */
export function ContactRequestRedirect() {
  const { id } = useParams();
  return <Navigate to={id ? `/coordination/inbox/${id}` : '/coordination/inbox'} replace />;
}
