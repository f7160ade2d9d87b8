import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiGet } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Thread } from '../../api/types.ts';

/** A thread, one page of its replies after another (each page carries the thread itself too). */
export function useThread(id: string) {
  return useInfiniteQuery({
    queryKey: keys.thread(id),
    queryFn: ({ pageParam }) => apiGet<Thread>(`/threads/${id}`, { cursor: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Reloads the thread and its community's list after a change. */
export function useRefreshThread(thread: Thread): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.thread(thread.id) }),
      queryClient.invalidateQueries({ queryKey: keys.communityThreads(thread.community.slug) }),
    ]);
  }, [queryClient, thread.id, thread.community.slug]);
}
