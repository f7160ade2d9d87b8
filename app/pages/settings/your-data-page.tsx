import { useLingui } from '@lingui/react';
import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { dataExportLimits } from '../../../common/contracts/data-exports.ts';
import { errorMessage } from '../../api/client.ts';
import { useDataExport, useDataExportLink, usePrepareDataExport } from '../../api/data-exports.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateOnly, dateTime } from '../../lib/dates.ts';
import { formatNumber } from '../../lib/format.ts';

const { linkDays } = dataExportLimits;

/** Bytes as "12 KB" or "1.5 MB" in the language shown. */
function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatNumber(bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MB`;
}

/** /settings/your-data: what the export holds, "Prepare my data", the state and the download. */
export function YourDataPage() {
  const { _ } = useLingui();
  const state = useDataExport();
  const prepare = usePrepareDataExport();
  const link = useDataExportLink();

  const download = () =>
    link.mutate(undefined, {
      onSuccess: ({ url }) => {
        window.location.assign(url);
      },
    });

  return (
    <>
      <PageHeader title={_('dataexport.page.title')} description={_('dataexport.page.description')} />
      <Stack gap="lg">
        <Card padding="md" component="section" aria-labelledby="your-data-included">
          <Title order={2} size="h4" id="your-data-included" mb="xs">
            {_('dataexport.page.includedTitle')}
          </Title>
          <List spacing="xs">
            <List.Item>{_('dataexport.page.included')}</List.Item>
            <List.Item>{_('dataexport.page.notIncluded')}</List.Item>
            <List.Item>{_('dataexport.page.howItWorks', { days: linkDays })}</List.Item>
          </List>
        </Card>

        <Card padding="md" component="section" aria-labelledby="your-data-state">
          <Title order={2} size="h4" id="your-data-state" mb="xs" tabIndex={-1}>
            {_('dataexport.page.stateTitle')}
          </Title>
          {state.isPending ? (
            <PageLoader />
          ) : state.isError ? (
            <LoadError error={state.error} onRetry={() => void state.refetch()} />
          ) : (
            <Stack gap="sm">
              <Text role="status">
                {state.data.status === 'none'
                  ? _('dataexport.state.none')
                  : state.data.status === 'preparing'
                    ? _('dataexport.state.preparing', { date: dateTime(state.data.requestedAt ?? '') })
                    : state.data.status === 'ready'
                      ? _('dataexport.state.ready', {
                          size: size(state.data.size ?? 0),
                          date: dateTime(state.data.expiresAt ?? ''),
                        })
                      : state.data.status === 'downloaded'
                        ? _('dataexport.state.downloaded', { date: dateOnly(state.data.downloadedAt ?? '') })
                        : state.data.status === 'expired'
                          ? _('dataexport.state.expired')
                          : _('dataexport.state.failed')}
              </Text>
              {prepare.isError || link.isError ? (
                <Alert color="red" variant="light" role="alert">
                  {errorMessage(prepare.error ?? link.error)}
                </Alert>
              ) : null}
              <Group gap="sm">
                {state.data.status === 'ready' ? (
                  <Button onClick={download} loading={link.isPending}>
                    {_('dataexport.page.download')}
                  </Button>
                ) : state.data.status === 'preparing' ? (
                  <Button variant="default" onClick={() => void state.refetch()} loading={state.isFetching}>
                    {_('dataexport.page.refresh')}
                  </Button>
                ) : (
                  <Button
                    onClick={() =>
                      // The button goes with the state it was in: focus goes to the section's heading.
                      prepare.mutate(undefined, {
                        onSettled: () =>
                          requestAnimationFrame(() => document.getElementById('your-data-state')?.focus()),
                      })
                    }
                    loading={prepare.isPending}
                  >
                    {state.data.status === 'none'
                      ? _('dataexport.page.prepare')
                      : _('dataexport.page.prepareAgain')}
                  </Button>
                )}
              </Group>
            </Stack>
          )}
        </Card>
      </Stack>
    </>
  );
}
