/**
 * Moderation through the typed client: reports (a community's, or all of them for coordinators),
 * suspensions and the moderation log, and the moderators' actions. After any action every queue,
 * suspension list and log refreshes, and so do the threads shown.
 */
import { type QueryClient, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, cursorPages, dataOf, pageOf } from './typed-client.ts';

async function fetchReports(slug: string | null, status: ReportStatus, cursor: string) {
  const query = { status, cursor: cursor || undefined };
  return slug
    ? pageOf(await api.GET('/api/communities/{slug}/reports', { params: { path: { slug }, query } }))
    : pageOf(await api.GET('/api/coordinator/reports', { params: { query } }));
}
async function fetchSuspensions(slug: string, cursor: string) {
  return pageOf(
    await api.GET('/api/communities/{slug}/suspensions', {
      params: { path: { slug }, query: { cursor: cursor || undefined } },
    }),
  );
}
async function fetchLog(slug: string, cursor: string) {
  return pageOf(
    await api.GET('/api/communities/{slug}/moderation-log', {
      params: { path: { slug }, query: { cursor: cursor || undefined } },
    }),
  );
}

/** The moderation API's types, as the generated API types give them. */
export type ReportStatus = 'open' | 'hidden' | 'dismissed';
export type Report = Awaited<ReturnType<typeof fetchReports>>['data'][number];
export type Suspension = Awaited<ReturnType<typeof fetchSuspensions>>['data'][number];
export type ModerationEntry = Awaited<ReturnType<typeof fetchLog>>['data'][number];

/** Query keys: a community's under its own key (so leaving the community drops them), the coordinators' apart. */
export const moderationKeys = {
  all: ['moderation'] as const,
  reports: (scope: string, status: ReportStatus) => ['moderation', 'reports', scope, status] as const,
  suspensions: (slug: string) => ['moderation', 'suspensions', slug] as const,
  log: (slug: string) => ['moderation', 'log', slug] as const,
};

/** The reports of one community (`slug`) or, for coordinators, of all (`slug` null), by status. */
export function useReports(slug: string | null, status: ReportStatus) {
  return useInfiniteQuery({
    queryKey: moderationKeys.reports(slug ?? '*', status),
    queryFn: ({ pageParam }) => fetchReports(slug, status, pageParam),
    ...cursorPages,
  });
}

export function useSuspensions(slug: string) {
  return useInfiniteQuery({
    queryKey: moderationKeys.suspensions(slug),
    queryFn: ({ pageParam }) => fetchSuspensions(slug, pageParam),
    ...cursorPages,
  });
}

export function useModerationLog(slug: string) {
  return useInfiniteQuery({
    queryKey: moderationKeys.log(slug),
    queryFn: ({ pageParam }) => fetchLog(slug, pageParam),
    ...cursorPages,
  });
}

/** After any moderation action: every queue, suspension list and log, and the threads shown. */
async function refreshModeration(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: moderationKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['threads'] }),
  ]);
}

/** What a moderator does from a report: hide the post or dismiss the report, restore the post, lock the thread. */
export type ReportAction =
  | { kind: 'decision'; reportId: string; decision: 'hide' | 'dismiss' }
  | { kind: 'restore'; threadId: string; postId: string | null }
  | { kind: 'lock'; threadId: string; locked: boolean };

export function useReportActionMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: ReportAction) => {
      switch (action.kind) {
        case 'decision':
          return dataOf(
            await api.POST('/api/reports/{id}/decision', {
              params: { path: { id: action.reportId } },
              body: { decision: action.decision },
            }),
          );
        case 'restore':
          return dataOf(
            await api.PUT('/api/threads/{id}/hidden', {
              params: { path: { id: action.threadId } },
              body: { postId: action.postId, hidden: false },
            }),
          );
        case 'lock':
          return dataOf(
            await api.PUT('/api/threads/{id}/moderation', {
              params: { path: { id: action.threadId } },
              body: { locked: action.locked },
            }),
          );
      }
    },
    onSuccess: () => refreshModeration(queryClient),
  });
}

/** Lift a suspension. */
export function useLiftSuspensionMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      dataOf(await api.POST('/api/suspensions/{id}/lift', { params: { path: { id } } })),
    onSuccess: () => refreshModeration(queryClient),
  });
}

/** Suspend a member from a community, until `endsAt` or until lifted. */
export function useSuspendMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { userId: string; reason: string; endsAt?: string }) =>
      dataOf(await api.POST('/api/communities/{slug}/suspensions', { params: { path: { slug } }, body })),
    onSuccess: () => refreshModeration(queryClient),
  });
}
