import type { QueryClient } from '@tanstack/react-query';
import { keys } from '../../api/queries.ts';

/**
 * After a meeting changes: its community (home, meetings tab), the directory's next meetings, the
 * calendar and every loaded meeting show the new state.
 */
export async function refreshMeetingLists(queryClient: QueryClient, slug: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.community(slug) }),
    queryClient.invalidateQueries({ queryKey: keys.communities }),
    queryClient.invalidateQueries({ queryKey: keys.calendar }),
    queryClient.invalidateQueries({ queryKey: keys.meetings }),
  ]);
}
