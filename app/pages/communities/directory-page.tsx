import { useLingui } from '@lingui/react';
import {
  Anchor,
  Button,
  Checkbox,
  Collapse,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
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
import { SearchIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { useSearchText } from '../../hooks/use-search-text.ts';
import { CommunityCard } from './community-card.tsx';

const filterNames = ['q', 'topic', 'unitId', 'audience', 'format', 'stage', 'kind', 'open', 'sort'] as const;
type FilterName = (typeof filterNames)[number];
type Filters = Record<FilterName, string>;

const sortLabels = {
  relevance: 'communities.directory.sort.relevance',
  activity: 'communities.directory.sort.activity',
  newest: 'communities.directory.sort.newest',
  size: 'communities.directory.sort.size',
  name: 'communities.directory.sort.name',
} as const satisfies Record<string, MessageId>;

function readFilters(params: URLSearchParams): Filters {
  const out = {} as Filters;
  for (const name of filterNames) out[name] = params.get(name) ?? '';
  return out;
}

/** The filters (other than the words and the sort) that narrow the list, for the "Filters (2)" count. */
function countNarrowing(filters: Filters): number {
  return (['topic', 'unitId', 'audience', 'format', 'stage', 'kind', 'open'] as const).filter(
    (name) => filters[name] !== '',
  ).length;
}

/** /communities: the directory — search, filter and sort every community the visitor may see. */
export function DirectoryPage() {
  const { _ } = useLingui();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  // What the controls show: updated at once on change, while the address (and the list) follow in a
  // transition; re-read from the address when it changes (back button, a topic link).
  const paramsKey = params.toString();
  const [shown, setShown] = useState(filters);
  useEffect(() => {
    setShown(readFilters(new URLSearchParams(paramsKey)));
  }, [paramsKey]);
  const units = useUnits();
  const wide = useMediaQuery('(min-width: 48em)', true);
  const narrowing = countNarrowing(filters);
  const [filtersOpen, setFiltersOpen] = useState(narrowing > 0);
  const showFilters = wide || filtersOpen;

  // The search box follows the address (back button) and writes to it after a pause in typing.
  const { text, setText, settle } = useSearchText('q', 350);

  /**
   * Each filter change is a history entry, so the back button undoes it. It carries the words in the box
   * as they show, and drops the box's pending write: a sort chosen right after typing was otherwise lost
   * when that write landed on the address as it was before the sort (seen in CI).
   */
  const update = (requested: Partial<Filters>) => {
    let changes = requested;
    if (!('q' in requested)) {
      settle(text);
      changes = { ...requested, q: text.trim() };
    }
    setShown((current) => ({ ...current, ...changes }));
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    settle(text);
    update({ q: text.trim() });
  };

  const query = {
    q: filters.q,
    topic: filters.topic,
    unitId: filters.unitId,
    audience: filters.audience,
    format: filters.format,
    stage: filters.stage,
    kind: filters.kind,
    open: filters.open === 'true' ? 'true' : '',
    sort: filters.sort === 'relevance' && !filters.q ? '' : filters.sort,
  };
  const directory = useCommunityDirectory(query);

  const list = directory.data?.pages.flatMap((page) => page.data) ?? [];
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
  const topicLink = (topic: string) => {
    const next = new URLSearchParams(params);
    next.set('topic', topic);
    return `/communities?${next.toString()}`;
  };
  const clearAll = () => {
    settle('');
    setShown(readFilters(new URLSearchParams()));
    setParams(new URLSearchParams());
  };

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
      <search aria-label={_('communities.directory.title')}>
        <Stack gap="sm" mb="lg">
          <form onSubmit={submitSearch} role="presentation">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={_('communities.directory.search.label')}
                description={_('communities.directory.search.description')}
                name="q"
                type="search"
                leftSection={<SearchIcon size={18} />}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                size="md"
                style={{ flex: '1 1 260px' }}
              />
              <NativeSelect
                label={_('communities.directory.sort.label')}
                value={sortValue}
                onChange={(event) => update({ sort: event.currentTarget.value })}
                data={(Object.keys(sortLabels) as (keyof typeof sortLabels)[])
                  .filter((sort) => sort !== 'relevance' || filters.q)
                  .map((sort) => ({ value: sort, label: _(sortLabels[sort]) }))}
                size="md"
                style={{ flex: '0 1 200px' }}
              />
            </Group>
          </form>
          {wide ? null : (
            <Group>
              <Button
                variant="default"
                size="sm"
                onClick={() => setFiltersOpen((open) => !open)}
                aria-expanded={filtersOpen}
                aria-controls="directory-filters"
              >
                {filtersOpen
                  ? _('communities.directory.filters.hide', { count: narrowing })
                  : _('communities.directory.filters.show', { count: narrowing })}
              </Button>
            </Group>
          )}
          <Collapse expanded={showFilters} id="directory-filters">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
              <TextInput
                label={_('communities.directory.topic.label')}
                placeholder={_('communities.directory.topic.placeholder')}
                defaultValue={shown.topic}
                key={shown.topic}
                onBlur={(event) => {
                  const topic = event.currentTarget.value.trim().toLowerCase();
                  if (topic !== filters.topic) update({ topic });
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    update({ topic: event.currentTarget.value.trim().toLowerCase() });
                  }
                }}
              />
              <NativeSelect
                label={_('communities.directory.unit.label')}
                value={shown.unitId}
                onChange={(event) => update({ unitId: event.currentTarget.value })}
                data={[
                  { value: '', label: _('communities.directory.unit.all') },
                  ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
                ]}
              />
              <NativeSelect
                label={_('communities.directory.audience.label')}
                value={shown.audience}
                onChange={(event) => update({ audience: event.currentTarget.value })}
                data={[
                  { value: '', label: _('communities.directory.audience.any') },
                  ...audiences.map((a) => ({ value: a, label: _(audienceMessages[a]) })),
                ]}
              />
              <NativeSelect
                label={_('communities.directory.format.label')}
                value={shown.format}
                onChange={(event) => update({ format: event.currentTarget.value })}
                data={[
                  { value: '', label: _('communities.directory.format.any') },
                  ...meetingFormats.map((f) => ({ value: f, label: _(meetingFormatMessages[f]) })),
                ]}
              />
              <NativeSelect
                label={_('communities.directory.stage.label')}
                value={shown.stage}
                onChange={(event) => update({ stage: event.currentTarget.value })}
                data={[
                  { value: '', label: _('communities.directory.stage.any') },
                  ...communityStages.map((s) => ({ value: s, label: _(communityStageMessages[s]) })),
                ]}
              />
              <NativeSelect
                label={_('communities.directory.kind.label')}
                value={shown.kind}
                onChange={(event) => update({ kind: event.currentTarget.value })}
                data={[
                  { value: '', label: _('communities.directory.kind.any') },
                  ...communityKinds.map((k) => ({ value: k, label: _(communityKindMessages[k]) })),
                ]}
              />
              <Checkbox
                label={_('communities.directory.openOnly')}
                checked={shown.open === 'true'}
                onChange={(event) => update({ open: event.currentTarget.checked ? 'true' : '' })}
                mt={{ base: 0, xs: 30 }}
              />
              {filtered ? (
                <Group mt={{ base: 0, xs: 22 }}>
                  <Button variant="subtle" onClick={clearAll}>
                    {_('communities.directory.clear')}
                  </Button>
                </Group>
              ) : null}
            </SimpleGrid>
          </Collapse>
        </Stack>
      </search>

      <VisuallyHidden role="status">
        {directory.isPending
          ? _('communities.directory.status.searching')
          : list.length === 0
            ? filtered
              ? _('communities.directory.empty.noMatch', { describe })
              : _('communities.directory.empty.none')
            : directory.hasNextPage
              ? _('communities.directory.status.shownMore', { count: list.length })
              : _('communities.directory.status.shown', { count: list.length })}
      </VisuallyHidden>
      <div aria-busy={directory.isFetching}>
        {directory.isPending ? (
          <PageLoader label={_('communities.directory.loading')} />
        ) : directory.isError ? (
          <LoadError error={directory.error} onRetry={() => void directory.refetch()} />
        ) : list.length === 0 ? (
          <EmptyState
            title={
              filtered
                ? _('communities.directory.empty.noMatch', { describe })
                : _('communities.directory.empty.none')
            }
            action={
              <Group justify="center" mt="sm">
                {filtered ? (
                  <Button variant="light" onClick={clearAll}>
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
        ) : (
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
            {directory.hasNextPage ? (
              <Group justify="center" mt="md">
                <Button
                  variant="default"
                  onClick={() => void directory.fetchNextPage()}
                  loading={directory.isFetchingNextPage}
                >
                  {_('common.action.loadMore')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        )}
      </div>
    </>
  );
}
