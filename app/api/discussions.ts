/**
 * Discussions through the typed client: a community's threads, one thread with its pages of replies,
 * an edit's earlier versions, and everything done in a thread. Each mutation refreshes the thread and
 * its community's list (or, for a new or deleted thread, the list).
 */
import {
  type InfiniteData,
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { paths } from './openapi.gen.ts';
import { keys } from './queries.ts';
import { api, cursorPages, dataOf, type Json, pageOf } from './typed-client.ts';

type StartThreadBody = Json<paths['/api/communities/{slug}/threads']['post']['requestBody']>;
type EditThreadBody = Json<paths['/api/threads/{id}']['patch']['requestBody']>;
type ReplyBody = Json<paths['/api/threads/{id}/replies']['post']['requestBody']>;
type ReactionBody = Json<paths['/api/threads/{id}/reactions']['post']['requestBody']>;
type ReportBody = Json<paths['/api/threads/{id}/reports']['post']['requestBody']>;
type ModerateBody = Json<paths['/api/threads/{id}/moderation']['put']['requestBody']>;

async function fetchThread(id: string, cursor: string) {
  return dataOf(
    await api.GET('/api/threads/{id}', { params: { path: { id }, query: { cursor: cursor || undefined } } }),
  );
}
type ThreadPage = Awaited<ReturnType<typeof fetchThread>>;

/** Reloads a thread and its community's list (the community is read from the loaded thread). */
async function refreshThread(queryClient: QueryClient, id: string): Promise<void> {
  const slug = queryClient.getQueryData<InfiniteData<ThreadPage>>(keys.thread(id))?.pages[0]?.community.slug;
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.thread(id) }),
    slug
      ? queryClient.invalidateQueries({ queryKey: keys.communityThreads(slug) })
      : queryClient.invalidateQueries({
          predicate: (query) => query.queryKey[0] === 'community' && query.queryKey[2] === 'threads',
        }),
  ]);
}

/** A community's threads, pinned first, one page after another. */
export function useThreadPages(slug: string) {
  return useInfiniteQuery({
    queryKey: keys.communityThreads(slug),
    queryFn: async ({ pageParam }) =>
      pageOf(
        await api.GET('/api/communities/{slug}/threads', {
          params: { path: { slug }, query: { cursor: pageParam || undefined } },
        }),
      ),
    ...cursorPages,
  });
}

/** A thread, one page of its replies after another (each page carries the thread itself too). */
export function useThread(id: string) {
  return useInfiniteQuery({
    queryKey: keys.thread(id),
    queryFn: ({ pageParam }) => fetchThread(id, pageParam),
    ...cursorPages,
  });
}

/** The earlier versions of the opening post (`postId` null) or of a reply, newest first. */
export function useRevisions(threadId: string, postId: string | null) {
  return useQuery({
    queryKey: ['threads', threadId, 'revisions', postId ?? 'opening'],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/threads/{id}/revisions', {
          params: { path: { id: threadId }, query: { postId: postId ?? undefined } },
        }),
      ),
  });
}

/** A community's members whose name matches `q` (two letters or more), for "Mention someone". */
export function useMentionSearch(slug: string, q: string) {
  return useQuery({
    queryKey: [...keys.communityMembers(slug), 'mention', q],
    queryFn: async () =>
      pageOf(
        await api.GET('/api/communities/{slug}/members', {
          params: { path: { slug }, query: { q: q || undefined, limit: 8 } },
        }),
      ),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Start a thread; the community's list refreshes. Answers the new thread's id. */
export function useStartThreadMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: StartThreadBody) =>
      dataOf(await api.POST('/api/communities/{slug}/threads', { params: { path: { slug } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.communityThreads(slug) }),
  });
}

/** Edit the title and opening post. */
export function useEditThreadMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: EditThreadBody) =>
      dataOf(await api.PATCH('/api/threads/{id}', { params: { path: { id } }, body })),
    onSuccess: () => refreshThread(queryClient, id),
  });
}

/** Delete a thread: the community's list refreshes and the thread leaves the cache. */
export function useDeleteThreadMutation(id: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => dataOf(await api.DELETE('/api/threads/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.communityThreads(slug) });
      queryClient.removeQueries({ queryKey: keys.thread(id) });
    },
  });
}

/** Reply to the thread (or under a reply). */
export function useReplyMutation(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ReplyBody) =>
      dataOf(await api.POST('/api/threads/{id}/replies', { params: { path: { id: threadId } }, body })),
    onSuccess: () => refreshThread(queryClient, threadId),
  });
}

/** Edit a reply. */
export function useEditReplyMutation(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { postId: string; body: string }) =>
      dataOf(
        await api.PATCH('/api/threads/{id}/replies/{postId}', {
          params: { path: { id: threadId, postId: input.postId } },
          body: { body: input.body },
        }),
      ),
    onSuccess: () => refreshThread(queryClient, threadId),
  });
}

/** Delete a reply. */
export function useDeleteReplyMutation(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (postId: string) =>
      dataOf(
        await api.DELETE('/api/threads/{id}/replies/{postId}', {
          params: { path: { id: threadId, postId } },
        }),
      ),
    onSuccess: () => refreshThread(queryClient, threadId),
  });
}

/** Add (`mine` false) or take back (`mine` true) a reaction. */
export function useReactionMutation(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ReactionBody & { mine: boolean }) => {
      const body = { emoji: input.emoji, postId: input.postId };
      const params = { path: { id: threadId } };
      return input.mine
        ? dataOf(await api.DELETE('/api/threads/{id}/reactions', { params, body }))
        : dataOf(await api.POST('/api/threads/{id}/reactions', { params, body }));
    },
    onSuccess: () => refreshThread(queryClient, threadId),
  });
}

/** Mark a reply as the helpful answer (or no reply, `postId` null). */
export function useHelpfulMutation(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (postId: string | null) =>
      dataOf(
        await api.PUT('/api/threads/{id}/helpful', { params: { path: { id: threadId } }, body: { postId } }),
      ),
    onSuccess: () => refreshThread(queryClient, threadId),
  });
}

/** Moderators hide the opening post (`postId` null) or a reply, or restore it. */
export function useHidePostMutation(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { postId: string | null; hidden: boolean }) =>
      dataOf(await api.PUT('/api/threads/{id}/hidden', { params: { path: { id: threadId } }, body })),
    onSuccess: () => refreshThread(queryClient, threadId),
  });
}

/** Follow or stop following a thread. */
export function useFollowThreadMutation(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (following: boolean) =>
      dataOf(
        await api.PUT('/api/threads/{id}/following', {
          params: { path: { id: threadId } },
          body: { following },
        }),
      ),
    onSuccess: () => refreshThread(queryClient, threadId),
  });
}

/** Pin or lock a thread (moderators). */
export function useModerateThreadMutation(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ModerateBody) =>
      dataOf(await api.PUT('/api/threads/{id}/moderation', { params: { path: { id: threadId } }, body })),
    onSuccess: () => refreshThread(queryClient, threadId),
  });
}

/** Report the opening post (`postId` null) or a reply to the moderators. */
export function useReportPostMutation(threadId: string) {
  return useMutation({
    mutationFn: async (body: ReportBody) =>
      dataOf(await api.POST('/api/threads/{id}/reports', { params: { path: { id: threadId } }, body })),
  });
}
