import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { MailStatus } from '../../../common/enums.ts';
import { apiGetPage } from '../../api/client.ts';
import { keys, useInstitution } from '../../api/queries.ts';
import type { MailMessage } from '../../api/types.ts';
import { SearchIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { useSearchText } from '../../hooks/use-search-text.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';

export const mailStatusColors: Record<MailStatus, string> = {
  queued: 'amber',
  sent: 'forest',
  stored: 'gray',
  failed: 'red',
};

export const mailStatusLabels: Record<MailStatus, string> = {
  queued: 'Queued',
  sent: 'Sent',
  stored: 'Stored (no SMTP)',
  failed: 'Failed',
};

/** /admin/mail: every email Copse sent or would have sent, newest first; filter by recipient. */
export function AdminMailPage() {
  const [params] = useSearchParams();
  const to = params.get('to') ?? '';
  const { text, setText } = useSearchText('to');
  const { data: institution } = useInstitution();

  const mail = useInfiniteQuery({
    queryKey: [...keys.mail, to],
    queryFn: ({ pageParam }) => apiGetPage<MailMessage>('/admin/mail', { to, cursor: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // New messages (sign-ups, resets) show up without reloading.
    refetchInterval: 5000,
  });
  const list = mail.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <>
      <PageHeader
        title="Mailbox"
        description={
          institution?.smtpConfigured
            ? 'Every email Copse sent, newest first.'
            : 'No SMTP server is configured, so emails are kept here instead of being sent.'
        }
      />
      <TextInput
        label="Recipient"
        placeholder="Email address"
        type="search"
        leftSection={<SearchIcon size={16} />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        maw={420}
        mb="lg"
      />
      {mail.isPending ? (
        <PageLoader />
      ) : mail.isError ? (
        <LoadError error={mail.error} onRetry={() => void mail.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState title={to ? `No emails to ${to}` : 'No emails yet'}>
          Confirmation links, password resets and notifications appear here as Copse sends them.
        </EmptyState>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          aria-label="Emails"
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {list.map((message) => (
            <Card component="li" key={message.id} padding="sm" px="md">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0, flex: '1 1 280px' }}>
                  <Anchor component={Link} to={`/admin/mail/${message.id}`} fw={600} c="dark">
                    {message.subject}
                  </Anchor>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    To {message.to}
                  </Text>
                </Stack>
                <Group gap="sm" wrap="nowrap">
                  <Badge variant="light" color={mailStatusColors[message.status]} tt="none">
                    {mailStatusLabels[message.status]}
                  </Badge>
                  <Text size="xs" c="dimmed" title={dateTime(message.createdAt)}>
                    {relativeTime(message.createdAt)}
                  </Text>
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {mail.hasNextPage ? (
        <Group justify="center" mt="lg">
          <Button
            variant="default"
            onClick={() => void mail.fetchNextPage()}
            loading={mail.isFetchingNextPage}
          >
            Load more
          </Button>
        </Group>
      ) : null}
    </>
  );
}
