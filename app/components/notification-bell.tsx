import { useLingui } from '@lingui/react';
import { ActionIcon } from '@mantine/core';
import { Link } from 'react-router';
import { useUnreadCount } from '../api/queries.ts';
import { BellIcon } from './icons.tsx';

/** A bell linking to the notification centre; its accessible name says how many are unread. */
export function NotificationBell() {
  const { _ } = useLingui();
  const { data: count = 0 } = useUnreadCount(true);
  const label = _('layout.bell.label', { count });
  return (
    <ActionIcon
      component={Link}
      to="/notifications"
      variant="subtle"
      color="gray"
      size="lg"
      aria-label={label}
    >
      {/* The count as a small badge (styles.css), hidden from screen readers: the name says it. */}
      <span className="bell">
        <BellIcon />
        {count > 0 ? (
          <span className="bell-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </span>
    </ActionIcon>
  );
}
