/** The community health dashboard, the coordinators' portfolio and "what Copse records about me" (#17). */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { paths } from './openapi.gen.ts';
import { api, cursorPages, dataOf, type Json, pageOf } from './typed-client.ts';

export type DashboardRange = { from?: string; to?: string };
export type PortfolioFilters = NonNullable<paths['/api/portfolio']['get']['parameters']['query']>;
export type DashboardRulesBody = Json<paths['/api/portfolio/rules']['put']['requestBody']>;

/** The query string of a dashboard range (for the CSV link). */
export function rangeQuery(range: DashboardRange): string {
  const search = new URLSearchParams();
  if (range.from) search.set('from', range.from);
  if (range.to) search.set('to', range.to);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A community's dashboard for a range (the last 90 days when none is given). */
export function useCommunityDashboard(slug: string, range: DashboardRange) {
  return useQuery({
    queryKey: ['dashboard', slug, range.from ?? '', range.to ?? ''],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/communities/{slug}/dashboard', {
          params: { path: { slug }, query: { from: range.from, to: range.to } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The portfolio of every community, filtered and sorted. */
export function usePortfolio(filters: PortfolioFilters) {
  return useQuery({
    queryKey: ['portfolio', filters],
    queryFn: async () => dataOf(await api.GET('/api/portfolio', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

/** The rules of the portfolio's flags. */
export function useDashboardRules() {
  return useQuery({
    queryKey: ['portfolio', 'rules'],
    queryFn: async () => dataOf(await api.GET('/api/portfolio/rules')),
  });
}

/** An administrator changes the rules of the portfolio's flags. */
export function useChangeDashboardRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: DashboardRulesBody) => dataOf(await api.PUT('/api/portfolio/rules', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['portfolio'] }),
  });
}

/** What Copse records about me, a page at a time. */
export function useMyActivity() {
  return useInfiniteQuery({
    queryKey: ['me', 'activity'],
    queryFn: async ({ pageParam }) =>
      pageOf(
        await api.GET('/api/me/activity', {
          params: { query: { cursor: pageParam || undefined, limit: 50 } },
        }),
      ),
    ...cursorPages,
  });
}
