import { Trans, useLingui } from '@lingui/react';
import {
  Anchor,
  Button,
  CloseButton,
  Group,
  List,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useSearch } from '../../api/search.ts';
import type { SearchKind, SearchResult, SearchSort } from '../../api/types.ts';
import { SearchIcon } from '../../components/icons.tsx';
import { useUrlFilters } from '../../components/list-page/use-url-filters.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { formatNumber } from '../../lib/format.ts';
import { SearchResultItem } from './search-result-item.tsx';

const kinds: SearchKind[] = ['community', 'thread', 'reply', 'resource', 'person'];

function isKind(value: string): value is SearchKind {
  return (kinds as string[]).includes(value);
}

/** The sort a value of `?sort=` asks for: best match unless it says newest. */
function sortOf(value: string): SearchSort {
  return value === 'newest' ? 'newest' : 'relevance';
}

const sortLabels: Record<SearchSort, 'search.sort.relevance' | 'search.sort.newest'> = {
  relevance: 'search.sort.relevance',
  newest: 'search.sort.newest',
};

/** A count as the tabs show it: "1,000+" when there are more than were counted. */
function countText(count: number, capped: boolean): string {
  return `${formatNumber(count)}${capped ? '+' : ''}`;
}

/** The address of the search page with these words, filters and sort (best match is the default). */
function searchHref(q: string, kind: SearchKind | '', community: string, sort: SearchSort): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (kind) params.set('kind', kind);
  if (community) params.set('community', community);
  if (sort !== 'relevance') params.set('sort', sort);
  const search = params.toString();
  return `/search${search ? `?${search}` : ''}`;
}

/**
 * /search?q=&kind=&community=&sort=: one search across communities, discussions, replies, resources and
 * people, best match or newest first.
 */
export function SearchPage() {
  const { _ } = useLingui();
  // The sort shows the new choice at once while the address follows (a navigation React may finish
  // later), so a second key press on the select is not a second step in the history.
  const { filters, shown, set } = useUrlFilters(['q', 'kind', 'community', 'sort'], { history: 'push' });
  const q = filters.q.trim();
  const kind: SearchKind | '' = isKind(filters.kind) ? filters.kind : '';
  const community = filters.community;
  const sort = sortOf(filters.sort);
  const [text, setText] = useState(q);
  useEffect(() => {
    setText(q);
  }, [q]);

  const search = useSearch({ q, kind, community, sort });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    set({ q: text.trim() });
  };

  const fieldError =
    search.error instanceof ApiError && search.error.status === 400
      ? (search.error.fields.q ?? search.error.message)
      : undefined;
  // The tabs keep the first page's counts while more pages load.
  const counts = search.data?.pages[0]?.counts;
  const capped = search.data?.pages[0]?.countsCapped;
  const total = counts ? kinds.reduce((sum, k) => sum + counts[k], 0) : 0;
  const totalCapped = capped ? (kind ? capped[kind] : kinds.some((k) => capped[k])) : false;
  const results = search.data?.pages.flatMap((page) => page.data) ?? [];
  const communityName = results.find((r) => r.community?.slug === community)?.community?.name ?? community;

  return (
    <>
      <PageHeader
        title={_('search.page.title')}
        documentTitle={q ? _('search.page.documentTitle', { q }) : _('search.page.title')}
        description={_('search.page.description')}
      />
      <search aria-label={_('search.form.region')}>
        <Stack gap="md" mb="lg">
          <form onSubmit={submit} role="presentation">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={_('search.form.label')}
                description={_('search.form.hint')}
                name="q"
                type="search"
                leftSection={<SearchIcon size={18} />}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                maxLength={200}
                error={fieldError}
                style={{ flex: '1 1 16rem', minWidth: 0 }}
              />
              <Button type="submit">{_('common.action.search')}</Button>
            </Group>
          </form>
          <NativeSelect
            label={_('search.form.sortBy')}
            value={sortOf(shown.sort)}
            data={(['relevance', 'newest'] as const).map((value) => ({ value, label: _(sortLabels[value]) }))}
            onChange={(event) => {
              const chosen = sortOf(event.currentTarget.value);
              set({ sort: chosen === 'relevance' ? '' : chosen });
            }}
            style={{ maxWidth: '14rem' }}
          />
          {community ? (
            <Group gap={4} wrap="nowrap">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {_('search.community.only', { community: communityName })}
              </Text>
              <CloseButton
                size="sm"
                aria-label={_('search.community.clear', { community: communityName })}
                onClick={() => set({ community: '' })}
              />
            </Group>
          ) : null}
          {q && counts ? (
            <nav aria-label={_('search.tabs.label')}>
              <Group gap="xs" wrap="wrap" component="ul" className="plain-list">
                <li>
                  <Button
                    component={Link}
                    to={searchHref(q, '', community, sort)}
                    size="xs"
                    variant={kind === '' ? 'filled' : 'light'}
                    aria-current={kind === '' ? 'page' : undefined}
                  >
                    {_('search.tabs.kind', {
                      kind: '',
                      count: countText(total, capped ? kinds.some((k) => capped[k]) : false),
                    })}
                  </Button>
                </li>
                {kinds.map((k) => (
                  <li key={k}>
                    <Button
                      component={Link}
                      to={searchHref(q, k, community, sort)}
                      size="xs"
                      variant={kind === k ? 'filled' : 'light'}
                      aria-current={kind === k ? 'page' : undefined}
                    >
                      {_('search.tabs.kind', { kind: k, count: countText(counts[k], capped?.[k] ?? false) })}
                    </Button>
                  </li>
                ))}
              </Group>
            </nav>
          ) : null}
        </Stack>
      </search>
      <SearchResults
        q={q}
        loading={search.isPending && q !== ''}
        invalid={fieldError !== undefined}
        error={fieldError ? null : search.error}
        onRetry={() => void search.refetch()}
        busy={search.isFetching}
        results={search.data ? results : undefined}
        total={counts ? (kind ? counts[kind] : total) : 0}
        totalCapped={totalCapped}
        kind={kind}
        sort={sort}
        hasMore={search.hasNextPage}
        loadingMore={search.isFetchingNextPage}
        onLoadMore={() => void search.fetchNextPage()}
      />
    </>
  );
}

function SearchResults(props: {
  q: string;
  /** The server refused the words (the form says why). */
  invalid: boolean;
  loading: boolean;
  busy: boolean;
  error: Error | null;
  onRetry: () => void;
  results: SearchResult[] | undefined;
  /** How many results the search has in all (paging through gives them all), unless `totalCapped`. */
  total: number;
  /** There are more than `total` (counting stops at 1,000 per kind). */
  totalCapped: boolean;
  kind: SearchKind | '';
  sort: SearchSort;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  const { _ } = useLingui();
  const section = useRef<HTMLElement>(null);
  // After "Load more results", focus moves to the first new result's link (keyboard and screen reader
  // users carry on reading where the new results start, instead of at the button that went away).
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const count = props.results?.length ?? 0;
  useEffect(() => {
    if (focusFrom === null || count <= focusFrom) return;
    section.current
      ?.querySelectorAll(':scope > ol > li')
      [focusFrom]?.querySelector<HTMLAnchorElement>('h2 a')
      ?.focus();
    setFocusFrom(null);
  }, [focusFrom, count]);

  if (!props.q) {
    return <EmptyState title={_('search.results.emptyTitle')}>{_('search.results.emptyBody')}</EmptyState>;
  }
  if (props.invalid) return null;
  if (props.error)
    return <LoadError error={props.error} onRetry={props.onRetry} title={_('search.results.failed')} />;
  if (props.loading || !props.results) return <PageLoader label={_('search.results.searching')} />;
  const results = props.results;
  const total = Math.max(props.total, results.length);
  // The kind ('' for every kind), the sort and whether the total is a floor choose the words (ICU select).
  const summary = {
    q: props.q,
    kind: props.kind,
    sort: props.sort,
    capped: props.totalCapped ? 'yes' : 'no',
    total,
    shown: results.length,
  };
  return (
    <section aria-label={_('search.results.label')} aria-busy={props.busy} ref={section}>
      <Text size="sm" c="dimmed" mb="sm" role="status">
        {results.length === 0
          ? _('search.results.none', summary)
          : total === 1 && !props.totalCapped
            ? _('search.results.one', summary)
            : results.length === total && !props.totalCapped
              ? _('search.results.all', summary)
              : _('search.results.some', summary)}
      </Text>
      {results.length === 0 ? (
        <EmptyState title={_('search.results.noResultsTitle', { q: props.q })}>
          {_('search.results.noResultsBody')}
        </EmptyState>
      ) : (
        <Stack component="ol" gap="sm" className="plain-list">
          {results.map((result) => (
            <li key={`${result.kind}-${result.id}`}>
              <SearchResultItem result={result} />
            </li>
          ))}
        </Stack>
      )}
      {props.hasMore ? (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={props.loadingMore}
            onClick={() => {
              setFocusFrom(results.length);
              props.onLoadMore();
            }}
          >
            {_('search.results.loadMore')}
          </Button>
        </Group>
      ) : null}
      {results.length === 0 ? <SearchTips /> : null}
    </section>
  );
}

/** How to write a search (websearch syntax). */
function SearchTips() {
  const { _ } = useLingui();
  return (
    <Stack gap={4} mt="md">
      <Text size="sm" fw={600}>
        {_('search.tips.title')}
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>{_('search.tips.phrase')}</List.Item>
        <List.Item>{_('search.tips.or')}</List.Item>
        <List.Item>{_('search.tips.minus')}</List.Item>
        <List.Item>
          <Trans
            id="search.tips.browse"
            components={{ link: <Anchor component={Link} to="/communities" /> }}
          />
        </List.Item>
      </List>
    </Stack>
  );
}
