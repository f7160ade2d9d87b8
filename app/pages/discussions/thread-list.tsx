import { Trans, useLingui } from '@lingui/react';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useThreadPages } from '../../api/discussions.ts';
import type { ThreadSummary } from '../../api/types.ts';
import { PagedList } from '../../components/list-page/index.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';
import { ThreadBadges } from './thread-badges.tsx';

function ThreadRow(props: { thread: ThreadSummary; first: boolean }) {
  const { _ } = useLingui();
  const { thread } = props;
  return (
    <li style={props.first ? undefined : { borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Stack gap={4} py="sm">
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/discussions/${thread.id}`} fw={thread.unread ? 750 : 600}>
            {thread.title}
          </Anchor>
          <ThreadBadges thread={thread} showUnread />
        </Group>
        {thread.excerpt ? (
          <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {thread.excerpt}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          <Trans
            id="discussions.list.meta"
            values={{
              author: <>{thread.author?.displayName ?? _('discussions.common.formerMember')}</>,
              count: thread.replyCount,
              when: relativeTime(thread.lastActivityAt),
            }}
            components={{
              time: <time dateTime={thread.lastActivityAt} title={dateTime(thread.lastActivityAt)} />,
            }}
          />
        </Text>
      </Stack>
    </li>
  );
}

/** The list with its loading, error and empty states and "Load more". */
export function ThreadList(props: { slug: string; empty: string }) {
  const { _ } = useLingui();
  const pages = useThreadPages(props.slug);
  return (
    <PagedList
      query={pages}
      loadingLabel={_('discussions.list.loading')}
      empty={
        <Text size="sm" c="dimmed" py="sm">
          {props.empty}
        </Text>
      }
      gap="sm"
      more={{ label: _('discussions.list.loadMore'), align: 'start' }}
    >
      {(threads) => (
        <ul aria-label={_('discussions.list.label')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {threads.map((thread, index) => (
            <ThreadRow key={thread.id} thread={thread} first={index === 0} />
          ))}
        </ul>
      )}
    </PagedList>
  );
}
