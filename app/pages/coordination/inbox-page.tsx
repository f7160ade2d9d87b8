import { useLingui } from '@lingui/react';
import { Anchor, Badge, Button, Card, Group, Stack, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { contactTopicMessages } from '../../../common/enums.ts';
import { useContactRequests } from '../../api/coordination.ts';
import type { ContactRequestSummary } from '../../api/types.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateTime, relativeTime } from '../../lib/dates.ts';

type InboxStatus = ContactRequestSummary['status'];

function RequestRow(props: { request: ContactRequestSummary }) {
  const { _ } = useLingui();
  const { request } = props;
  const replies = _('coordination.inbox.row.answers', { count: request.replyCount });
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
            {request.name}: {_(contactTopicMessages[request.topic])}
          </Anchor>
          <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {request.excerpt}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {request.hasAccount
              ? request.email
              : _('coordination.inbox.row.noAccount', { email: request.email })}{' '}
            ·{' '}
            <time dateTime={request.createdAt} title={dateTime(request.createdAt)}>
              {relativeTime(request.createdAt)}
            </time>
          </Text>
        </Stack>
        <Stack gap={6} align="flex-end">
          <Badge variant="light" color={request.replyCount > 0 ? 'forest' : 'amber'} tt="none">
            {request.replyCount > 0 ? replies : _('coordination.inbox.row.notAnswered')}
          </Badge>
          {request.handledBy ? (
            <Text size="xs" c="dimmed">
              {_(
                request.status === 'done'
                  ? 'coordination.inbox.row.doneBy'
                  : 'coordination.inbox.row.handledBy',
                {
                  name: request.handledBy.displayName,
                },
              )}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Card>
  );
}

function InboxList(props: { status: InboxStatus }) {
  const { _ } = useLingui();
  const requests = useContactRequests(props.status);
  const list = requests.data?.pages.flatMap((page) => page.data) ?? [];
  const label = _(props.status === 'open' ? 'coordination.inbox.listOpen' : 'coordination.inbox.listDone');
  return (
    <>
      <VisuallyHidden role="status">
        {requests.isPending
          ? _('coordination.inbox.loading')
          : _(requests.hasNextPage ? 'coordination.inbox.shownOrMore' : 'coordination.inbox.shown', {
              count: list.length,
            })}
      </VisuallyHidden>
      {requests.isPending ? (
        <PageLoader label={_('coordination.inbox.loading')} />
      ) : requests.isError ? (
        <LoadError error={requests.error} onRetry={() => void requests.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState
          title={_(
            props.status === 'open'
              ? 'coordination.inbox.emptyOpenTitle'
              : 'coordination.inbox.emptyDoneTitle',
          )}
        >
          {_(
            props.status === 'open' ? 'coordination.inbox.emptyOpenText' : 'coordination.inbox.emptyDoneText',
          )}
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
            {_('common.action.loadMore')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}

/** /coordination/inbox: messages sent through "Get in touch", open or done, newest first. */
export function InboxPage() {
  const { _ } = useLingui();
  const [params, setParams] = useSearchParams();
  const status: InboxStatus = params.get('status') === 'done' ? 'done' : 'open';
  return (
    <>
      <PageHeader title={_('coordination.inbox.title')} description={_('coordination.inbox.description')} />
      <Tabs
        value={status}
        onChange={(value) => setParams(value === 'done' ? { status: 'done' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg" aria-label={_('coordination.inbox.tabsLabel')}>
          <Tabs.Tab value="open">{_('coordination.inbox.tab.open')}</Tabs.Tab>
          <Tabs.Tab value="done">{_('coordination.inbox.tab.done')}</Tabs.Tab>
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
