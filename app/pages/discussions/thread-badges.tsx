import { useLingui } from '@lingui/react';
import { Badge, Group } from '@mantine/core';
import { threadKindMessages } from '../../../common/enums.ts';
import type { ThreadSummary } from '../../api/types.ts';

/** What kind of thread it is and its state: pinned, locked, answered, unread. */
export function ThreadBadges(props: { thread: ThreadSummary; showUnread?: boolean }) {
  const { _ } = useLingui();
  const { thread } = props;
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={thread.kind === 'announcement' ? 'grape' : 'gray'} variant="light" tt="none" size="sm">
        {_(threadKindMessages[thread.kind])}
      </Badge>
      {thread.pinned ? (
        <Badge color="blue" variant="light" tt="none" size="sm">
          {_('discussions.badges.pinned')}
        </Badge>
      ) : null}
      {thread.locked ? (
        <Badge color="orange" variant="light" tt="none" size="sm">
          {_('discussions.badges.locked')}
        </Badge>
      ) : null}
      {thread.kind === 'question' && thread.answered ? (
        <Badge color="forest" variant="light" tt="none" size="sm">
          {_('discussions.badges.answered')}
        </Badge>
      ) : null}
      {props.showUnread && thread.unread ? (
        <Badge color="red" variant="filled" tt="none" size="sm">
          {_('discussions.badges.unread')}
        </Badge>
      ) : null}
    </Group>
  );
}
