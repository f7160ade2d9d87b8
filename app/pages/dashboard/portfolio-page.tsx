import { useLingui } from '@lingui/react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Pagination,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type Portfolio,
  type PortfolioFlag,
  type PortfolioRow,
  portfolioFlags,
  portfolioSorts,
} from '../../../common/contracts/dashboard.ts';
import { communityStageMessages, communityStages } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { type PortfolioFilters, usePortfolio } from '../../api/dashboard.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateOnly } from '../../lib/dates.ts';
import { formatNumber } from '../../lib/format.ts';
import { count, percent } from './dashboard-parts.tsx';
import { ReachTable } from './reach-table.tsx';

export const flagLabels: Record<PortfolioFlag, MessageId> = {
  dormant: 'portfolio.flag.dormant',
  leaderless: 'portfolio.flag.leaderless',
  growing: 'portfolio.flag.growing',
};
const sortLabels: Record<(typeof portfolioSorts)[number], MessageId> = {
  name: 'portfolio.sort.name',
  members: 'portfolio.sort.members',
  participation: 'portfolio.sort.participation',
  trend: 'portfolio.sort.trend',
  lastMeeting: 'portfolio.sort.lastMeeting',
  requests: 'portfolio.sort.requests',
};

/** The trend in points of the share, signed ("+12 points"), or a dash. */
export function trendText(trend: number | null): string {
  return trend === null ? '–' : formatNumber(Math.round(trend * 100), { signDisplay: 'exceptZero' });
}

/**
 * /coordination/portfolio: every community with its stage, size, participation and trend, last meeting,
 * open support requests and flags (#17 §4); filter by flag or stage, search, sort; CSV and term report.
 */
export function PortfolioPage() {
  const { _ } = useLingui();
  const [filters, setFilters] = useState<PortfolioFilters>({ sort: 'name', order: 'asc', page: 1 });
  const portfolio = usePortfolio(filters);
  const csvQuery = new URLSearchParams(
    Object.entries(filters).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    ),
  ).toString();
  // A new filter or order starts again at the first page.
  const set = (key: keyof PortfolioFilters, value: string) =>
    setFilters((f) => ({ ...f, page: 1, [key]: value === '' ? undefined : value }));
  return (
    <Stack gap="lg">
      <PageHeader
        title={_('portfolio.title')}
        description={_('portfolio.intro')}
        actions={
          <>
            <Button component="a" href={`/api/portfolio.csv?${csvQuery}`} download variant="default">
              {_('portfolio.csv')}
            </Button>
            <Button component={Link} to="/coordination/portfolio/report" variant="light">
              {_('portfolio.report.open')}
            </Button>
          </>
        }
        actionsLabel={_('portfolio.actions')}
      />
      <Card component="form" aria-label={_('portfolio.filters')} onSubmit={(event) => event.preventDefault()}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={_('portfolio.filter.flag')}
            value={filters.flag ?? ''}
            onChange={(event) => set('flag', event.currentTarget.value)}
            data={[
              { value: '', label: _('portfolio.filter.any') },
              ...portfolioFlags.map((f) => ({ value: f, label: _(flagLabels[f]) })),
            ]}
          />
          <NativeSelect
            label={_('portfolio.filter.stage')}
            value={filters.stage ?? ''}
            onChange={(event) => set('stage', event.currentTarget.value)}
            data={[
              { value: '', label: _('portfolio.filter.any') },
              ...communityStages.map((s) => ({ value: s, label: _(communityStageMessages[s]) })),
            ]}
          />
          <TextInput
            type="search"
            label={_('portfolio.filter.search')}
            value={filters.q ?? ''}
            onChange={(event) => set('q', event.currentTarget.value)}
          />
          <NativeSelect
            label={_('portfolio.sort.label')}
            value={filters.sort ?? 'name'}
            onChange={(event) => set('sort', event.currentTarget.value)}
            data={portfolioSorts.map((s) => ({ value: s, label: _(sortLabels[s]) }))}
          />
          <NativeSelect
            label={_('portfolio.order.label')}
            value={filters.order ?? 'asc'}
            onChange={(event) => set('order', event.currentTarget.value)}
            data={[
              { value: 'asc', label: _('portfolio.order.asc') },
              { value: 'desc', label: _('portfolio.order.desc') },
            ]}
          />
        </Group>
      </Card>
      {portfolio.isPending ? (
        <PageLoader label={_('portfolio.loading')} />
      ) : portfolio.isError ? (
        <LoadError error={portfolio.error} onRetry={() => void portfolio.refetch()} />
      ) : (
        <>
          <Text role="status" size="sm">
            {_('portfolio.totals', {
              ...portfolio.data.totals,
              shown: portfolio.data.shown,
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {_('portfolio.rules', portfolio.data.rules)}
          </Text>
          {portfolio.data.communities.length === 0 ? (
            <EmptyState title={_('portfolio.empty.title')}>{_('portfolio.empty.body')}</EmptyState>
          ) : (
            <>
              <CommunityTable rows={portfolio.data.communities} />
              <PortfolioPages
                portfolio={portfolio.data}
                onPage={(page) => setFilters((f) => ({ ...f, page }))}
              />
            </>
          )}
          <Card component="section" aria-labelledby="portfolio-reach">
            <Title order={2} size="h3" id="portfolio-reach" mb="sm">
              {_('portfolio.reach.title')}
            </Title>
            <ReachTable reach={portfolio.data.reach} />
          </Card>
        </>
      )}
    </Stack>
  );
}

/** The pages of the portfolio under its table, while there is more than one. */
function PortfolioPages(props: { portfolio: Portfolio; onPage: (page: number) => void }) {
  const { _ } = useLingui();
  const { shown, page, pageSize } = props.portfolio;
  const pages = Math.ceil(shown / pageSize);
  if (page === null || pages <= 1) return null;
  const first = (page - 1) * pageSize + 1;
  return (
    <Stack component="nav" aria-label={_('portfolio.pages')} gap="xs" align="flex-start">
      <Text size="sm">
        {_('portfolio.pages.showing', { first, last: Math.min(shown, page * pageSize), shown })}
      </Text>
      <Pagination
        total={pages}
        value={page}
        onChange={props.onPage}
        siblings={1}
        boundaries={1}
        getItemProps={(item) => ({
          'aria-label': _('portfolio.pages.page', { page: item }),
          'aria-current': item === page ? 'page' : undefined,
        })}
        getControlProps={(control) => ({
          'aria-label': _(control === 'previous' ? 'portfolio.pages.previous' : 'portfolio.pages.next'),
        })}
      />
    </Stack>
  );
}

export function CommunityTable(props: { rows: PortfolioRow[]; linked?: boolean }) {
  const { _ } = useLingui();
  const linked = props.linked ?? true;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder striped verticalSpacing="xs">
        <Table.Caption>{_('portfolio.table.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{_('portfolio.table.community')}</Table.Th>
            <Table.Th scope="col">{_('portfolio.table.stage')}</Table.Th>
            <Table.Th scope="col">{_('portfolio.table.members')}</Table.Th>
            <Table.Th scope="col">{_('portfolio.table.participation')}</Table.Th>
            <Table.Th scope="col">{_('portfolio.table.trend')}</Table.Th>
            <Table.Th scope="col">{_('portfolio.table.lastMeeting')}</Table.Th>
            <Table.Th scope="col">{_('portfolio.table.requests')}</Table.Th>
            <Table.Th scope="col">{_('portfolio.table.flags')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row" fw={500}>
                {linked ? (
                  <Anchor component={Link} to={`/communities/${row.slug}/dashboard`}>
                    {row.name}
                  </Anchor>
                ) : (
                  row.name
                )}
              </Table.Th>
              <Table.Td>{_(communityStageMessages[row.stage])}</Table.Td>
              <Table.Td>{count(row.members)}</Table.Td>
              <Table.Td>{percent(row.participation)}</Table.Td>
              <Table.Td>{trendText(row.trend)}</Table.Td>
              <Table.Td>{row.lastMeetingAt ? dateOnly(row.lastMeetingAt) : '–'}</Table.Td>
              <Table.Td>{count(row.openRequests)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {row.flags.map((flag) => (
                    // At its full width: a table column would otherwise shrink the label to "D…".
                    <Badge key={flag} variant="outline" color="gray" tt="none" miw="max-content">
                      {_(flagLabels[flag])}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
