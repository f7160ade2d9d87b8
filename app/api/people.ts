/** People: the directory of colleagues and one person's profile, through the typed client. */
import { queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { PersonKind } from '../../common/enums.ts';
import { filled } from './directory.ts';
import { keys } from './queries.ts';
import { api, cursorPages, dataOf, pageOf } from './typed-client.ts';

/** The People page's filters as they stand in the address ('' for none). */
export interface PeopleFilters {
  q: string;
  unitId: string;
  kind: string;
  expertise: string;
}

/** The directory of people, filtered, one page after another. */
export function usePeople(filters: PeopleFilters) {
  return useInfiniteQuery({
    queryKey: [...keys.people, filters],
    queryFn: async ({ pageParam }) =>
      pageOf(
        await api.GET('/api/people', {
          params: {
            // The kind comes from the address unchecked, as before: the server refuses one it does not know.
            query: filled({ ...filters, kind: filters.kind as PersonKind | '', cursor: pageParam }),
          },
        }),
      ),
    ...cursorPages,
  });
}

/** One person's profile. */
export function personQuery(id: string) {
  return queryOptions({
    queryKey: keys.person(id),
    queryFn: async () => dataOf(await api.GET('/api/people/{id}', { params: { path: { id } } })),
  });
}

export function usePerson(id: string) {
  return useQuery(personQuery(id));
}

/** A person's badges in the communities the viewer may see (#16 §4). */
export function usePersonBadges(id: string) {
  return useQuery({
    queryKey: keys.personBadges(id),
    queryFn: async () => dataOf(await api.GET('/api/people/{id}/badges', { params: { path: { id } } })),
  });
}
