import { useLingui } from '@lingui/react';
import { ActionIcon, Indicator } from '@mantine/core';
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
      <Indicator label={count > 99 ? '99+' : count} size={16} disabled={count === 0} color="red" offset={2}>
        <BellIcon />
      </Indicator>
    </ActionIcon>
  );
}
