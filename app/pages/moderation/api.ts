import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type {
  moderationEntrySchema,
  reportSchema,
  suspensionSchema,
} from '../../../common/contracts/discussions.ts';
import { apiGetPage } from '../../api/client.ts';

/** The moderation API's types, inferred from its contract (type-only imports). */
export type Report = z.infer<typeof reportSchema>;
export type ReportStatus = Report['status'];
export type Suspension = z.infer<typeof suspensionSchema>;
export type ModerationEntry = z.infer<typeof moderationEntrySchema>;

/** Query keys: a community's under its own key (so leaving the community drops them), the coordinators' apart. */
export const moderationKeys = {
  all: ['moderation'] as const,
  reports: (scope: string, status: ReportStatus) => ['moderation', 'reports', scope, status] as const,
  suspensions: (slug: string) => ['moderation', 'suspensions', slug] as const,
  log: (slug: string) => ['moderation', 'log', slug] as const,
};

function usePages<T>(key: readonly unknown[], path: string, query: Record<string, string> = {}) {
  return useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => apiGetPage<T>(path, { ...query, cursor: pageParam || undefined }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The reports of one community (`slug`) or, for coordinators, of all (`slug` null), by status. */
export function useReports(slug: string | null, status: ReportStatus) {
  return usePages<Report>(
    moderationKeys.reports(slug ?? '*', status),
    slug ? `/communities/${slug}/reports` : '/coordinator/reports',
    { status },
  );
}

export function useSuspensions(slug: string) {
  return usePages<Suspension>(moderationKeys.suspensions(slug), `/communities/${slug}/suspensions`);
}

export function useModerationLog(slug: string) {
  return usePages<ModerationEntry>(moderationKeys.log(slug), `/communities/${slug}/moderation-log`);
}

/** After any moderation action: every queue, suspension list and log, and the threads shown. */
export function useRefreshModeration(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: moderationKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['threads'] }),
    ]);
  }, [queryClient]);
}
