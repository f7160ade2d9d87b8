import { useLingui } from '@lingui/react';
import { Anchor, Button, Card, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type ActivityKind, activityKinds } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useMyActivity } from '../../api/dashboard.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateTime } from '../../lib/dates.ts';

const kindLabels = Object.fromEntries(
  activityKinds.map((kind) => [kind, `dashboard.record.kind.${kind.replace('.', '_')}` as MessageId]),
) as Record<ActivityKind, MessageId>;

/**
 * /settings/record: "what Copse records about me" (#17 Rules): every entry of the event log that names
 * the signed-in person, newest first. Anonymous answers name no one, so they are never here.
 */
export function MyRecordPage() {
  const { _ } = useLingui();
  const activity = useMyActivity();
  const entries = activity.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Stack gap="md">
      <PageHeader title={_('dashboard.record.title')} description={_('dashboard.record.intro')} />
      {activity.isPending ? (
        <PageLoader label={_('dashboard.record.loading')} />
      ) : activity.isError ? (
        <LoadError error={activity.error} onRetry={() => void activity.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={_('dashboard.record.empty.title')}>{_('dashboard.record.empty.body')}</EmptyState>
      ) : (
        <Card>
          <Table.ScrollContainer minWidth={280}>
            <Table withTableBorder striped verticalSpacing={4}>
              <Table.Caption>{_('dashboard.record.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{_('dashboard.record.when')}</Table.Th>
                  <Table.Th scope="col">{_('dashboard.record.what')}</Table.Th>
                  <Table.Th scope="col">{_('dashboard.record.where')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>{dateTime(entry.occurredAt)}</Table.Td>
                    <Table.Td>{_(kindLabels[entry.kind])}</Table.Td>
                    <Table.Td>
                      {entry.community ? (
                        <Anchor component={Link} to={`/communities/${entry.community.slug}`}>
                          {entry.community.name}
                        </Anchor>
                      ) : (
                        '–'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {activity.hasNextPage ? (
            <Button
              mt="sm"
              variant="default"
              onClick={() => void activity.fetchNextPage()}
              loading={activity.isFetchingNextPage}
            >
              {_('dashboard.record.more')}
            </Button>
          ) : null}
          <Text size="xs" c="dimmed" mt="sm">
            {_('dashboard.record.anonymous')}
          </Text>
        </Card>
      )}
    </Stack>
  );
}
