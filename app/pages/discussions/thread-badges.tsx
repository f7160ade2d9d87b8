import { Badge, Group } from '@mantine/core';
import { threadKindLabels } from '../../../common/enums.ts';
import type { ThreadSummary } from '../../api/types.ts';

/** What kind of thread it is and its state: pinned, locked, answered, unread. */
export function ThreadBadges(props: { thread: ThreadSummary; showUnread?: boolean }) {
  const { thread } = props;
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={thread.kind === 'announcement' ? 'grape' : 'gray'} variant="light" tt="none" size="sm">
        {threadKindLabels[thread.kind]}
      </Badge>
      {thread.pinned ? (
        <Badge color="blue" variant="light" tt="none" size="sm">
          Pinned
        </Badge>
      ) : null}
      {thread.locked ? (
        <Badge color="orange" variant="light" tt="none" size="sm">
          Locked
        </Badge>
      ) : null}
      {thread.kind === 'question' && thread.answered ? (
        <Badge color="forest" variant="light" tt="none" size="sm">
          Answered
        </Badge>
      ) : null}
      {props.showUnread && thread.unread ? (
        <Badge color="red" variant="filled" tt="none" size="sm">
          Unread
        </Badge>
      ) : null}
    </Group>
  );
}
