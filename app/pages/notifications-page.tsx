import { useLingui } from '@lingui/react';
import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import {
  type AppNotification,
  useMarkAllReadMutation,
  useMarkReadMutation,
  useNotifications,
} from '../api/account.ts';
import { errorMessage } from '../api/client.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { itemsOf, PagedList, PlainList } from '../components/list-page/index.ts';
import { PageHeader } from '../components/page-header.tsx';
import { EmptyState } from '../components/page-states.tsx';
import { dateTime, relativeTime } from '../lib/dates.ts';

/** An in-app path stays in the app; anything else opens as an ordinary link. */
function isInternal(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/** /notifications: the notification centre, newest first. */
export function NotificationsPage() {
  const { _ } = useLingui();
  const list = useNotifications();
  const markRead = useMarkReadMutation();
  const markAll = useMarkAllReadMutation();

  const open = (item: AppNotification) => {
    if (!item.read) markRead.mutate(item.id);
  };
  const unread = itemsOf(list).filter((item) => !item.read).length;
  const failure = markRead.error ?? markAll.error;

  return (
    <>
      <PageHeader
        title={_('notifications.page.title')}
        description={_('notifications.page.description')}
        actions={
          unread > 0 ? (
            <Button variant="default" onClick={() => markAll.mutate()} loading={markAll.isPending}>
              {_('notifications.page.markAllRead')}
            </Button>
          ) : null
        }
      />
      <FormAlert message={failure ? errorMessage(failure) : null} />
      <PagedList
        query={list}
        empty={
          <EmptyState title={_('notifications.page.emptyTitle')}>
            {_('notifications.page.emptyBody')}
          </EmptyState>
        }
      >
        {(items) => (
          <PlainList>
            {items.map((item) => (
              <Card
                component="li"
                key={item.id}
                padding="md"
                style={item.read ? undefined : { borderLeft: '4px solid var(--mantine-color-forest-7)' }}
              >
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                  <Stack gap={4} style={{ flex: '1 1 260px', minWidth: 0 }}>
                    <Group gap="xs">
                      {item.read ? null : (
                        <Badge size="sm" variant="light" color="forest" tt="none">
                          {_('notifications.item.unread')}
                        </Badge>
                      )}
                      {isInternal(item.url) ? (
                        <Anchor component={Link} to={item.url} fw={600} c="dark" onClick={() => open(item)}>
                          {item.title}
                        </Anchor>
                      ) : (
                        <Anchor href={item.url} fw={600} c="dark" onClick={() => open(item)}>
                          {item.title}
                        </Anchor>
                      )}
                    </Group>
                    {item.body ? <Text size="sm">{item.body}</Text> : null}
                    <Text size="xs" c="dimmed" title={dateTime(item.createdAt)}>
                      {relativeTime(item.createdAt)}
                    </Text>
                  </Stack>
                  {item.read ? null : (
                    <Button
                      variant="subtle"
                      size="xs"
                      onClick={() => markRead.mutate(item.id)}
                      aria-label={_('notifications.item.markReadLabel', { title: item.title })}
                    >
                      {_('notifications.item.markRead')}
                    </Button>
                  )}
                </Group>
              </Card>
            ))}
          </PlainList>
        )}
      </PagedList>
    </>
  );
}
