import { useLingui } from '@lingui/react';
import { Button, type ElementProps, Group, type MantineSpacing, Stack, type StackProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { LoadError, PageLoader } from '../page-states.tsx';

/**
 * What a list needs of an infinite query (`useInfiniteQuery` over `pageOf` pages): every hook of
 * `app/api/` that lists a page at a time fits it.
 */
export interface PagedQuery<T> {
  data: { pages: readonly { data: readonly T[] }[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
}

/** Every item of the pages loaded so far, in order. */
export function itemsOf<T>(query: Pick<PagedQuery<T>, 'data'>): T[] {
  return query.data?.pages.flatMap((page) => page.data) ?? [];
}

/** Where the "load more" button sits under the list. */
export interface LoadMoreLayout {
  /** Its words ("Load more" unless a list says what it loads). */
  label?: string;
  /** Centred (the default), at the start of the line, or as wide as the list. */
  align?: 'center' | 'start' | 'stretch';
  /** Padding around it (a list inside a card without padding). */
  p?: MantineSpacing;
}

/** The button that loads the next page, while there is one. */
function LoadMore(
  props: LoadMoreLayout & {
    query: Pick<PagedQuery<unknown>, 'hasNextPage' | 'isFetchingNextPage' | 'fetchNextPage'>;
  },
) {
  const { _ } = useLingui();
  const { query } = props;
  if (!query.hasNextPage) return null;
  const stretch = props.align === 'stretch';
  const button = (
    <Button
      variant="default"
      fullWidth={stretch}
      loading={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {props.label ?? _('common.action.loadMore')}
    </Button>
  );
  if (stretch) return button;
  return (
    <Group justify={props.align === 'start' ? 'flex-start' : 'center'} p={props.p}>
      {button}
    </Group>
  );
}

/**
 * A list loaded a page at a time, in the states every list has: loading the first page, failed (with
 * Try again), empty, or the items with "load more" under them while there are more.
 *
 * - `announce` says politely to screen readers what the list shows (while it loads, then how many), in
 *   a visually hidden status before it.
 * - `busy` marks the list busy while a new search loads (queries that keep the previous results while
 *   the next arrive, with `keepPreviousData`).
 * - `select` narrows the items loaded (leaving out the viewer's own, say) before they count.
 */
export function PagedList<T>(props: {
  query: PagedQuery<T>;
  children: (items: T[]) => ReactNode;
  empty: ReactNode;
  /** What shows while the first page loads: a loader saying `loadingLabel` unless given. */
  loading?: ReactNode;
  loadingLabel?: string;
  announce?: { loading: string; shown: (count: number, more: boolean) => string };
  busy?: boolean;
  select?: (items: T[]) => T[];
  /** The space between the list and "load more". */
  gap?: StackProps['gap'];
  /** Where "load more" sits and what it says; `false` when the page draws its own. */
  more?: LoadMoreLayout | false;
  /** Space around the empty and failed states, for a list inside a card without padding. */
  inset?: MantineSpacing;
}) {
  const { query, more = {} } = props;
  const loaded = itemsOf(query);
  const items = props.select ? props.select(loaded) : loaded;
  const inset = (node: ReactNode) =>
    props.inset ? (
      <Stack p={props.inset} pt={0}>
        {node}
      </Stack>
    ) : (
      node
    );
  const body = query.isPending ? (
    (props.loading ?? <PageLoader label={props.loadingLabel} />)
  ) : query.isError ? (
    inset(<LoadError error={query.error} onRetry={() => void query.refetch()} />)
  ) : items.length === 0 ? (
    inset(props.empty)
  ) : more === false ? (
    props.children(items)
  ) : (
    <Stack gap={props.gap ?? 'lg'}>
      {props.children(items)}
      <LoadMore query={query} {...more} />
    </Stack>
  );
  return (
    <>
      {/* Drawn as Mantine's VisuallyHidden would be; the class in styles.css spares its chunk. */}
      {props.announce ? (
        <div role="status" className="visually-hidden">
          {query.isPending ? props.announce.loading : props.announce.shown(items.length, query.hasNextPage)}
        </div>
      ) : null}
      {props.busy ? <div aria-busy={query.isFetching}>{body}</div> : body}
    </>
  );
}

/** A list without bullets whose items stand apart (cards, rows): `<ul>` unless said otherwise. */
export function PlainList(props: StackProps & ElementProps<'ul'>) {
  const { gap = 'sm', ...rest } = props;
  return <Stack component="ul" gap={gap} className="plain-list" {...rest} />;
}

/** A PlainList of `items`, each drawn by `children` in its own `<li>`. */
export function ItemList<T extends { id: string }>(props: {
  items: readonly T[];
  children: (item: T) => ReactNode;
}) {
  return (
    <PlainList>
      {props.items.map((item) => (
        <li key={item.id}>{props.children(item)}</li>
      ))}
    </PlainList>
  );
}
