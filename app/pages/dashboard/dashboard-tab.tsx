import { useLingui } from '@lingui/react';
import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { filterDayFirst } from '../../../common/fields.ts';
import { type DashboardRange, rangeQuery, useCommunityDashboard } from '../../api/dashboard.ts';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { ValueMatrixCard } from '../../components/value-matrix-card.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { dateOnly } from '../../lib/dates.ts';
import { useCommunity } from '../communities/community-context.ts';
import { SuggestionsCard } from '../stories/suggestions-card.tsx';
import {
  MeetingsAndAsking,
  MembersSection,
  ParticipationSection,
  SharingSection,
} from './dashboard-sections.tsx';

/**
 * /communities/:slug/dashboard: the community's health (#17 §1). Its leaders, sponsors and the
 * coordinators see every figure against the previous period, the charts with their tables, the splits
 * and a CSV export; members see the summary. A date range (the last 90 days by default) applies to all.
 */
export function DashboardTab() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(_('dashboard.documentTitle', { community: home.community.name }));
  const [range, setRange] = useState<DashboardRange>({});
  const [draft, setDraft] = useState<DashboardRange>({});
  const dashboard = useCommunityDashboard(slug, range);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setRange({ ...(draft.from ? { from: draft.from } : {}), ...(draft.to ? { to: draft.to } : {}) });
  };
  const data = dashboard.data;
  return (
    <Stack gap="lg">
      <Card component="section" aria-labelledby="dashboard-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="dashboard-title">
            {_('dashboard.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {data?.summaryOnly ? _('dashboard.introMember') : _('dashboard.intro')}
          </Text>
          <form onSubmit={apply} aria-label={_('dashboard.range.label')}>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                type="date"
                label={_('dashboard.range.from')}
                value={draft.from ?? data?.current.from ?? ''}
                min={filterDayFirst}
                max={data?.today}
                onChange={(event) => setDraft((d) => ({ ...d, from: event.currentTarget.value }))}
              />
              <TextInput
                type="date"
                label={_('dashboard.range.to')}
                value={draft.to ?? data?.current.to ?? ''}
                min={filterDayFirst}
                max={data?.today}
                onChange={(event) => setDraft((d) => ({ ...d, to: event.currentTarget.value }))}
              />
              <Button type="submit" variant="light">
                {_('dashboard.range.apply')}
              </Button>
              {data && !data.summaryOnly ? (
                <Button
                  component="a"
                  href={`/api/communities/${slug}/dashboard.csv${rangeQuery(range)}`}
                  download
                  variant="default"
                >
                  {_('dashboard.csv')}
                </Button>
              ) : null}
            </Group>
          </form>
          {data ? (
            <Text size="sm" role="status">
              {_('dashboard.range.shown', {
                from: dateOnly(data.current.from),
                to: dateOnly(data.current.to),
              })}
              {data.previous
                ? ` ${_('dashboard.range.previous', { from: dateOnly(data.previous.from), to: dateOnly(data.previous.to) })}`
                : ''}
            </Text>
          ) : null}
        </Stack>
      </Card>
      {dashboard.isPending ? (
        <PageLoader label={_('dashboard.loading')} />
      ) : dashboard.isError ? (
        <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : dashboard.data ? (
        <>
          {dashboard.data.logBeganAt ? (
            <Alert color="gray" variant="light" title={_('dashboard.backfill.title')}>
              {_('dashboard.backfill.body', { date: dateOnly(dashboard.data.logBeganAt) })}
            </Alert>
          ) : null}
          <ParticipationSection data={dashboard.data} />
          <MembersSection data={dashboard.data} />
          <SharingSection data={dashboard.data} />
          <MeetingsAndAsking data={dashboard.data} />
          <SuggestionsCard home={home} />
          <ValueMatrixCard slug={slug} />
        </>
      ) : null}
    </Stack>
  );
}
