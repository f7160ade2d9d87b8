import { Button, Card, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiGetPage } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { AuditEntry } from '../../api/types.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateTime } from '../../lib/dates.ts';

const actionLabels: Record<string, string> = {
  'institution.update': 'Renamed the institution',
  'institution.logo': 'Changed the logo',
  'institution.logo_removed': 'Removed the logo',
  'unit.create': 'Added a unit',
  'unit.rename': 'Renamed a unit',
  'unit.delete': 'Removed a unit',
  'user.role': 'Changed a role',
  'user.suspend': 'Suspended a user',
  'user.reinstate': 'Reinstated a user',
};

/** The entry's extra data as "key: value" pairs. */
function details(entry: AuditEntry): string {
  return Object.entries(entry.data)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/** /admin/audit: who changed what in the administration, newest first. */
export function AdminAuditPage() {
  const audit = useInfiniteQuery({
    queryKey: keys.audit,
    queryFn: ({ pageParam }) => apiGetPage<AuditEntry>('/admin/audit', { cursor: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const list = audit.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Changes made by administrators and to accounts, newest first."
      />
      {audit.isPending ? (
        <PageLoader />
      ) : audit.isError ? (
        <LoadError error={audit.error} onRetry={() => void audit.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState title="Nothing recorded yet">
          Changes to the institution, units and users appear here.
        </EmptyState>
      ) : (
        <Card padding={0}>
          {/* Scrolls sideways on small screens; focusable so keyboard users can scroll it too (WCAG 2.1.1). */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-focusable */}
          <section className="table-scroll" aria-label="Audit log entries" tabIndex={0}>
            <Table verticalSpacing="sm" horizontalSpacing="md" miw={640}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">Who</Table.Th>
                  <Table.Th scope="col">What</Table.Th>
                  <Table.Th scope="col">Details</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {dateTime(entry.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{entry.actor?.displayName || 'Copse'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <Text size="sm">{actionLabels[entry.action] ?? entry.action}</Text>
                        <Code fz="xs" c="gray.8">
                          {entry.action}
                        </Code>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {[
                          entry.subjectType &&
                            `${entry.subjectType}${entry.subjectId ? ` ${entry.subjectId.slice(0, 8)}` : ''}`,
                          details(entry),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        </Card>
      )}
      {audit.hasNextPage ? (
        <Group justify="center" mt="lg">
          <Button
            variant="default"
            onClick={() => void audit.fetchNextPage()}
            loading={audit.isFetchingNextPage}
          >
            Load more
          </Button>
        </Group>
      ) : null}
    </>
  );
}
