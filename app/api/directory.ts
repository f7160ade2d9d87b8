/**
 * The community directory (a landing page: kept apart from communities.ts, whose mutations it does not
 * need, so its first load stays small), and `filled`, shared by the resource modules.
 */
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { paths } from './openapi.gen.ts';
import { keys } from './queries.ts';
import { api, cursorPages, pageOf, type Query } from './typed-client.ts';

/**
 * A query without its empty values (as client.ts's apiUrl leaves them out), so a filter left blank or the
 * first page's empty cursor is not sent.
 */
export function filled<T extends Record<string, unknown>>(query: T): { [K in keyof T]?: Exclude<T[K], ''> } {
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  ) as { [K in keyof T]?: Exclude<T[K], ''> };
}

type DirectoryQuery = Query<paths['/api/communities']['get']>;

/** The directory, filtered and sorted (the values as they stand in the address), twelve at a time. */
export function useCommunityDirectory(query: Record<keyof Omit<DirectoryQuery, 'cursor' | 'limit'>, string>) {
  return useInfiniteQuery({
    queryKey: [...keys.communities, query],
    queryFn: async ({ pageParam }) =>
      pageOf(
        await api.GET('/api/communities', {
          params: {
            // The filters come from the address unchecked, as before: the server refuses a value it does not know.
            query: filled({ ...query, cursor: pageParam, limit: 12 }) as DirectoryQuery,
          },
        }),
      ),
    ...cursorPages,
    // While a new search loads, the previous results stay (marked busy) instead of flashing away.
    placeholderData: keepPreviousData,
  });
}
