import { useLingui } from '@lingui/react';
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import type { MailStatus } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useMailbox } from '../../api/admin.ts';
import { useInstitution } from '../../api/queries.ts';
import { PagedList, PlainList, SearchField, useSearchText } from '../../components/list-page/index.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState } from '../../components/page-states.tsx';
import { dateTime, relativeTime } from '../../lib/dates.ts';

export const mailStatusColors: Record<MailStatus, string> = {
  queued: 'amber',
  sent: 'forest',
  stored: 'gray',
  failed: 'red',
};

export const mailStatusMessages: Record<MailStatus, MessageId> = {
  queued: 'admin.mail.status.queued',
  sent: 'admin.mail.status.sent',
  stored: 'admin.mail.status.stored',
  failed: 'admin.mail.status.failed',
};

/** /admin/mail: every email Copse sent or would have sent, newest first; filter by recipient. */
export function AdminMailPage() {
  const { _ } = useLingui();
  const [params] = useSearchParams();
  const to = params.get('to') ?? '';
  const { text, setText } = useSearchText('to');
  const { data: institution } = useInstitution();

  // New messages (sign-ups, resets) show up without reloading.
  const mail = useMailbox(to);

  return (
    <>
      <PageHeader
        title={_('admin.mail.title')}
        description={
          institution?.smtpConfigured ? _('admin.mail.descriptionSmtp') : _('admin.mail.descriptionNoSmtp')
        }
      />
      <SearchField
        label={_('admin.mail.recipient')}
        placeholder={_('admin.mail.recipientPlaceholder')}
        value={text}
        onChange={setText}
        maw={420}
        mb="lg"
      />
      <PagedList
        query={mail}
        empty={
          <EmptyState title={to ? _('admin.mail.emptyTo', { to }) : _('admin.mail.emptyTitle')}>
            {_('admin.mail.emptyText')}
          </EmptyState>
        }
      >
        {(list) => (
          <PlainList gap="xs" aria-label={_('admin.mail.listLabel')}>
            {list.map((message) => (
              <Card component="li" key={message.id} padding="sm" px="md">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 280px' }}>
                    <Anchor component={Link} to={`/admin/mail/${message.id}`} fw={600} c="dark">
                      {message.subject}
                    </Anchor>
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {_('admin.mail.to', { to: message.to })}
                    </Text>
                  </Stack>
                  <Group gap="sm" wrap="nowrap">
                    <Badge variant="light" color={mailStatusColors[message.status]} tt="none">
                      {_(mailStatusMessages[message.status])}
                    </Badge>
                    <Text size="xs" c="dimmed" title={dateTime(message.createdAt)}>
                      {relativeTime(message.createdAt)}
                    </Text>
                  </Group>
                </Group>
              </Card>
            ))}
          </PlainList>
        )}
      </PagedList>
    </>
  );
}
