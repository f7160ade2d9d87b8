import { useLingui } from '@lingui/react';
import { Anchor, Button, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import {
  audienceMessages,
  audiences,
  communityKindMessages,
  communityKinds,
  communityStageMessages,
  communityStages,
  meetingFormatMessages,
  meetingFormats,
} from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useCommunityDirectory } from '../../api/directory.ts';
import { useUnits } from '../../api/queries.ts';
import {
  FilterBar,
  FilterPanel,
  FilterSelect,
  type FilterValues,
  PagedList,
  SearchField,
  TagFilterField,
  useSearchText,
  useUrlFilters,
  withFilters,
} from '../../components/list-page/index.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState } from '../../components/page-states.tsx';
import { CommunityCard } from './community-card.tsx';

const filterNames = ['q', 'topic', 'unitId', 'audience', 'format', 'stage', 'kind', 'open', 'sort'] as const;
type FilterName = (typeof filterNames)[number];
type Filters = FilterValues<FilterName>;

const sortLabels = {
  relevance: 'communities.directory.sort.relevance',
  activity: 'communities.directory.sort.activity',
  newest: 'communities.directory.sort.newest',
  size: 'communities.directory.sort.size',
  name: 'communities.directory.sort.name',
} as const satisfies Record<string, MessageId>;

/** The filters (other than the words and the sort) that narrow the list, for the "Filters (2)" count. */
function countNarrowing(filters: Filters): number {
  return (['topic', 'unitId', 'audience', 'format', 'stage', 'kind', 'open'] as const).filter(
    (name) => filters[name] !== '',
  ).length;
}

/** /communities: the directory — search, filter and sort every community the visitor may see. */
export function DirectoryPage() {
  const { _ } = useLingui();
  // The search box follows the address (back button) and writes to it after a pause in typing.
  const box = useSearchText('q', 350);
  // Each filter change is a history entry, so the back button undoes it.
  const { filters, shown, set, field, clear, applySearch, params } = useUrlFilters(filterNames, {
    history: 'push',
    search: { name: 'q', ...box },
  });
  const units = useUnits();
  const narrowing = countNarrowing(filters);

  const directory = useCommunityDirectory({
    ...filters,
    open: filters.open === 'true' ? 'true' : '',
    sort: filters.sort === 'relevance' && !filters.q ? '' : filters.sort,
  });

  const filtered = Boolean(filters.q) || narrowing > 0;
  const unitName = units.data?.find((u) => u.id === filters.unitId)?.name;
  const describe = [
    filters.q && _('communities.directory.describe.words', { words: filters.q }),
    filters.topic && _('communities.directory.describe.topic', { topic: filters.topic }),
    unitName,
    filters.audience in audienceMessages &&
      _('communities.directory.describe.audience', {
        audience: _(audienceMessages[filters.audience as keyof typeof audienceMessages]).toLowerCase(),
      }),
    filters.format in meetingFormatMessages &&
      _(meetingFormatMessages[filters.format as keyof typeof meetingFormatMessages]).toLowerCase(),
    filters.stage in communityStageMessages &&
      _('communities.directory.describe.stage', {
        stage: _(communityStageMessages[filters.stage as keyof typeof communityStageMessages]).toLowerCase(),
      }),
    filters.kind in communityKindMessages &&
      _(communityKindMessages[filters.kind as keyof typeof communityKindMessages]).toLowerCase(),
    filters.open === 'true' && _('communities.directory.describe.open'),
  ]
    .filter(Boolean)
    .join(', ');
  const sortValue =
    (shown.sort === 'relevance' && !filters.q ? '' : shown.sort) || (filters.q ? 'relevance' : 'activity');
  const topicLink = (topic: string) => `/communities?${withFilters(params, { topic }).toString()}`;
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    applySearch();
  };
  const emptyTitle = filtered
    ? _('communities.directory.empty.noMatch', { describe })
    : _('communities.directory.empty.none');

  return (
    <>
      <PageHeader
        title={_('communities.directory.title')}
        description={_('communities.directory.description')}
        actions={
          <>
            <Button component={Link} to="/proposals/new">
              {_('communities.directory.start')}
            </Button>
            <Anchor component={Link} to="/contact" size="sm">
              {_('communities.directory.contact')}
            </Anchor>
          </>
        }
      />
      <FilterBar label={_('communities.directory.title')}>
        <form onSubmit={submitSearch} role="presentation">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <SearchField
              label={_('communities.directory.search.label')}
              description={_('communities.directory.search.description')}
              name="q"
              value={box.text}
              onChange={box.setText}
              size="md"
              style={{ flex: '1 1 260px' }}
            />
            <NativeSelect
              label={_('communities.directory.sort.label')}
              value={sortValue}
              onChange={(event) => set({ sort: event.currentTarget.value })}
              data={(Object.keys(sortLabels) as (keyof typeof sortLabels)[])
                .filter((sort) => sort !== 'relevance' || filters.q)
                .map((sort) => ({ value: sort, label: _(sortLabels[sort]) }))}
              size="md"
              style={{ flex: '0 1 200px' }}
            />
          </Group>
        </form>
        <FilterPanel
          id="directory-filters"
          openAtFirst={narrowing > 0}
          toggleLabel={(open) =>
            open
              ? _('communities.directory.filters.hide', { count: narrowing })
              : _('communities.directory.filters.show', { count: narrowing })
          }
        >
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
            <TagFilterField
              label={_('communities.directory.topic.label')}
              placeholder={_('communities.directory.topic.placeholder')}
              {...field('topic')}
            />
            <FilterSelect
              label={_('communities.directory.unit.label')}
              {...field('unitId')}
              all={_('communities.directory.unit.all')}
              options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
            />
            <FilterSelect
              label={_('communities.directory.audience.label')}
              {...field('audience')}
              all={_('communities.directory.audience.any')}
              options={audiences.map((a) => ({ value: a, label: _(audienceMessages[a]) }))}
            />
            <FilterSelect
              label={_('communities.directory.format.label')}
              {...field('format')}
              all={_('communities.directory.format.any')}
              options={meetingFormats.map((f) => ({ value: f, label: _(meetingFormatMessages[f]) }))}
            />
            <FilterSelect
              label={_('communities.directory.stage.label')}
              {...field('stage')}
              all={_('communities.directory.stage.any')}
              options={communityStages.map((s) => ({ value: s, label: _(communityStageMessages[s]) }))}
            />
            <FilterSelect
              label={_('communities.directory.kind.label')}
              {...field('kind')}
              all={_('communities.directory.kind.any')}
              options={communityKinds.map((k) => ({ value: k, label: _(communityKindMessages[k]) }))}
            />
            {/* A native checkbox (styles.css: .plain-check): Mantine's cost the directory 3 KB of its first load. */}
            <label className="plain-check">
              <input
                type="checkbox"
                checked={shown.open === 'true'}
                onChange={(event) => set({ open: event.currentTarget.checked ? 'true' : '' })}
              />
              {_('communities.directory.openOnly')}
            </label>
            {filtered ? (
              <Group mt={{ base: 0, xs: 22 }}>
                <Button variant="subtle" onClick={clear}>
                  {_('communities.directory.clear')}
                </Button>
              </Group>
            ) : null}
          </SimpleGrid>
        </FilterPanel>
      </FilterBar>

      <PagedList
        query={directory}
        busy
        loadingLabel={_('communities.directory.loading')}
        announce={{
          loading: _('communities.directory.status.searching'),
          shown: (count, more) =>
            count === 0
              ? emptyTitle
              : more
                ? _('communities.directory.status.shownMore', { count })
                : _('communities.directory.status.shown', { count }),
        }}
        gap="xl"
        empty={
          <EmptyState
            title={emptyTitle}
            action={
              <Group justify="center" mt="sm">
                {filtered ? (
                  <Button variant="light" onClick={clear}>
                    {_('communities.directory.clear')}
                  </Button>
                ) : null}
                <Button component={Link} to="/proposals/new" variant={filtered ? 'default' : 'light'}>
                  {_('communities.directory.start')}
                </Button>
              </Group>
            }
          >
            {filtered ? _('communities.directory.empty.tryAgain') : _('communities.directory.empty.firstOne')}
          </EmptyState>
        }
      >
        {(list) => (
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {_(filtered ? 'communities.directory.summary.filtered' : 'communities.directory.summary.all', {
                describe,
                sort: sortValue,
                count: list.length,
                more: directory.hasNextPage ? 'yes' : 'no',
              })}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {list.map((community) => (
                <CommunityCard key={community.id} community={community} topicLink={topicLink} />
              ))}
            </SimpleGrid>
          </Stack>
        )}
      </PagedList>
    </>
  );
}
