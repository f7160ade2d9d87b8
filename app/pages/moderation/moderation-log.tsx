import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateTime } from '../../lib/dates.ts';
import { type ModerationEntry, useModerationLog } from './api.ts';

const actionLabels: Record<string, string> = {
  hide: 'Hid a post',
  restore: 'Restored a post',
  'dismiss report': 'Dismissed a report',
  pin: 'Pinned a thread',
  unpin: 'Unpinned a thread',
  lock: 'Locked a thread',
  unlock: 'Unlocked a thread',
  suspend: 'Suspended',
  lift_suspension: 'Lifted the suspension of',
};

function What(props: { entry: ModerationEntry }) {
  const { entry } = props;
  const label = actionLabels[entry.action] ?? entry.action;
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      {label}
      {entry.subject ? ` ${entry.subject.displayName}` : ''}
      {entry.thread ? (
        <>
          {' in '}
          <Anchor
            component={Link}
            to={`/discussions/${entry.thread.id}${entry.postId ? `#post-${entry.postId}` : ''}`}
          >
            {entry.thread.title}
          </Anchor>
        </>
      ) : null}
    </Text>
  );
}

/** Every moderation action in the community, newest first, a page at a time. */
export function ModerationLog(props: { slug: string }) {
  const log = useModerationLog(props.slug);
  if (log.isPending) return <PageLoader label="Loading the moderation log" />;
  if (log.isError) return <LoadError error={log.error} onRetry={() => void log.refetch()} />;
  const entries = log.data.pages.flatMap((page) => page.data);
  if (entries.length === 0) {
    return (
      <EmptyState title="Nothing yet">
        Hiding, restoring, pinning, locking and suspensions are recorded here.
      </EmptyState>
    );
  }
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" aria-label="Moderation log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Who</Table.Th>
              <Table.Th scope="col">What</Table.Th>
              <Table.Th scope="col">Note</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>
                  <Text size="sm">
                    <time dateTime={entry.createdAt}>{dateTime(entry.createdAt)}</time>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{entry.moderator?.displayName ?? 'A former member'}</Text>
                </Table.Td>
                <Table.Td>
                  <What entry={entry} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {entry.note}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {log.hasNextPage ? (
        <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
          Load older entries
        </Button>
      ) : null}
    </Stack>
  );
}
