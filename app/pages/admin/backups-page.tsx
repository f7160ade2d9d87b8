import { useLingui } from '@lingui/react';
import { Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useBackUpNow, useBackups } from '../../api/backups.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateTime } from '../../lib/dates.ts';

/** A file size in the reader's language: kB below a megabyte, MB below a gigabyte, else GB. */
function fileSize(bytes: number, locale: string): string {
  const [value, unit] =
    bytes < 1024 ** 2
      ? [bytes / 1024, 'kilobyte']
      : bytes < 1024 ** 3
        ? [bytes / 1024 ** 2, 'megabyte']
        : [bytes / 1024 ** 3, 'gigabyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** /admin/backups: the backups the server keeps (name, time, size) and "Back up now". */
export function AdminBackupsPage() {
  const { _, i18n } = useLingui();
  const backups = useBackups();
  const backUp = useBackUpNow();
  const [notice, setNotice] = useState<string | null>(null);

  const start = () => {
    setNotice(null);
    backUp.mutate(undefined, {
      onSuccess: (made) =>
        setNotice(
          _('admin.backups.made', { name: made.backup.name, tables: made.tables, files: made.files }),
        ),
    });
  };

  return (
    <>
      <PageHeader title={_('admin.backups.title')} description={_('admin.backups.description')} />
      {backups.isPending ? (
        <PageLoader />
      ) : backups.isError ? (
        <LoadError error={backups.error} onRetry={() => void backups.refetch()} />
      ) : (
        <Stack gap="lg">
          <Text size="sm">
            {backups.data.schedule === 'off'
              ? _('admin.backups.scheduleOff', { keep: backups.data.keep })
              : _('admin.backups.schedule', { schedule: backups.data.schedule, keep: backups.data.keep })}
          </Text>
          <Group gap="md">
            <Button onClick={start} loading={backUp.isPending}>
              {_('admin.backups.backUpNow')}
            </Button>
          </Group>
          <FormAlert message={backUp.error ? backUp.error.message : null} />
          <StatusAlert message={notice} />
          {backups.data.backups.length === 0 ? (
            <EmptyState title={_('admin.backups.emptyTitle')}>{_('admin.backups.emptyText')}</EmptyState>
          ) : (
            <Card padding={0}>
              {/* Scrolls sideways on small screens; focusable so keyboard users can scroll it too (WCAG 2.1.1). */}
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-focusable */}
              <section className="table-scroll" aria-label={_('admin.backups.tableLabel')} tabIndex={0}>
                <Table verticalSpacing="sm" horizontalSpacing="md" miw={520}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{_('admin.backups.column.name')}</Table.Th>
                      <Table.Th scope="col">{_('admin.backups.column.when')}</Table.Th>
                      <Table.Th scope="col">{_('admin.backups.column.size')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {backups.data.backups.map((backup) => (
                      <Table.Tr key={backup.name}>
                        <Table.Td>
                          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {backup.name}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {dateTime(backup.createdAt)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {fileSize(backup.size, i18n.locale)}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </section>
            </Card>
          )}
        </Stack>
      )}
    </>
  );
}
