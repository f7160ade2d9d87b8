import { useLingui } from '@lingui/react';
import { Badge, Tabs, Text } from '@mantine/core';
import { Navigate, useParams } from 'react-router';
import { contactTopicMessages } from '../../../common/enums.ts';
import { useContactRequests } from '../../api/coordination.ts';
import type { ContactRequestSummary } from '../../api/types.ts';
import { LinkCard } from '../../components/list-page/extras.tsx';
import { PagedList, PlainList, useUrlFilters } from '../../components/list-page/index.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState } from '../../components/page-states.tsx';
import { dateTime, relativeTime } from '../../lib/dates.ts';

type InboxStatus = ContactRequestSummary['status'];

function RequestRow(props: { request: ContactRequestSummary }) {
  const { _ } = useLingui();
  const { request } = props;
  const replies = _('coordination.inbox.row.answers', { count: request.replyCount });
  return (
    <LinkCard
      id={`request-${request.id}`}
      to={`/coordination/inbox/${request.id}`}
      title={
        <>
          {request.name}: {_(contactTopicMessages[request.topic])}
        </>
      }
      aside={
        <>
          <Badge variant="light" color={request.replyCount > 0 ? 'forest' : 'amber'} tt="none">
            {request.replyCount > 0 ? replies : _('coordination.inbox.row.notAnswered')}
          </Badge>
          {request.handledBy ? (
            <Text size="xs" c="dimmed">
              {_(
                request.status === 'done'
                  ? 'coordination.inbox.row.doneBy'
                  : 'coordination.inbox.row.handledBy',
                { name: request.handledBy.displayName },
              )}
            </Text>
          ) : null}
        </>
      }
    >
      <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
        {request.excerpt}
      </Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {request.hasAccount ? request.email : _('coordination.inbox.row.noAccount', { email: request.email })}{' '}
        ·{' '}
        <time dateTime={request.createdAt} title={dateTime(request.createdAt)}>
          {relativeTime(request.createdAt)}
        </time>
      </Text>
    </LinkCard>
  );
}

function InboxList(props: { status: InboxStatus }) {
  const { _ } = useLingui();
  const requests = useContactRequests(props.status);
  const open = props.status === 'open';
  return (
    <PagedList
      query={requests}
      loadingLabel={_('coordination.inbox.loading')}
      announce={{
        loading: _('coordination.inbox.loading'),
        shown: (count, more) =>
          _(more ? 'coordination.inbox.shownOrMore' : 'coordination.inbox.shown', { count }),
      }}
      empty={
        <EmptyState
          title={_(open ? 'coordination.inbox.emptyOpenTitle' : 'coordination.inbox.emptyDoneTitle')}
        >
          {_(open ? 'coordination.inbox.emptyOpenText' : 'coordination.inbox.emptyDoneText')}
        </EmptyState>
      }
    >
      {(list) => (
        <PlainList aria-label={_(open ? 'coordination.inbox.listOpen' : 'coordination.inbox.listDone')}>
          {list.map((request) => (
            <RequestRow key={request.id} request={request} />
          ))}
        </PlainList>
      )}
    </PagedList>
  );
}

/** /coordination/inbox: messages sent through "Get in touch", open or done, newest first. */
export function InboxPage() {
  const { _ } = useLingui();
  // The tab is kept in the address; choosing one replaces the history entry.
  const { filters, set } = useUrlFilters(['status'], { history: 'replace' });
  const status: InboxStatus = filters.status === 'done' ? 'done' : 'open';
  return (
    <>
      <PageHeader title={_('coordination.inbox.title')} description={_('coordination.inbox.description')} />
      <Tabs
        value={status}
        onChange={(value) => set({ status: value === 'done' ? 'done' : '' })}
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
