/**
 * Searching through the typed client: the one search across communities, discussions, replies, resources
 * and people (GET /api/search), and the people picker's matches among colleagues (GET /api/people?q=).
 */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError, networkError } from './client.ts';
import type { paths } from './openapi.gen.ts';
import { keys } from './queries.ts';
import { api, cursorPages, pageOf } from './typed-client.ts';

type SearchQuery = paths['/api/search']['get']['parameters']['query'];

/** What the search page asks for; an empty kind or community means all. */
export interface SearchParams {
  q: string;
  kind: NonNullable<SearchQuery['kind']> | '';
  community: string;
  sort: NonNullable<SearchQuery['sort']>;
}

/** One search, one page after another: each page with its results and the counts per kind. */
export function useSearch(params: SearchParams) {
  const { q, kind, community, sort } = params;
  return useInfiniteQuery({
    queryKey: ['search', { q, kind, community, sort }],
    queryFn: async ({ pageParam }) => {
      const result = await api.GET('/api/search', {
        params: {
          query: {
            q,
            kind: kind || undefined,
            community: community || undefined,
            sort,
            cursor: pageParam || undefined,
          },
        },
      });
      // The whole body: its counts too, not only its `data`.
      if (!result.data) throw networkError();
      return result.data;
    },
    ...cursorPages,
    enabled: q !== '',
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** Colleagues matching `q` (two letters or more), eight at most, for the people picker. */
export function usePeopleMatches(q: string) {
  return useQuery({
    queryKey: [...keys.people, 'picker', q],
    queryFn: async () => pageOf(await api.GET('/api/people', { params: { query: { q, limit: 8 } } })),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
