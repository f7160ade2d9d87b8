/** Value-creation stories, the value-creation matrix and the leaders' suggestions (#17 §2–3). */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { networkError } from './client.ts';
import type { paths } from './openapi.gen.ts';
import { api, cursorPages, dataOf, type Json } from './typed-client.ts';

export type StoryBody = Json<paths['/api/communities/{slug}/stories']['post']['requestBody']>;
export type CurateBody = Json<paths['/api/stories/{id}/curation']['patch']['requestBody']>;
export type DismissBody = Json<
  paths['/api/communities/{slug}/suggestions/dismissals']['post']['requestBody']
>;
export type StoryLinkKind = 'meeting' | 'thread' | 'resource';

const storyKeys = {
  all: ['stories'] as const,
  list: (slug: string) => ['stories', 'list', slug] as const,
  story: (id: string) => ['stories', 'one', id] as const,
  matrix: (slug: string) => ['stories', 'matrix', slug] as const,
  options: (slug: string, kind: StoryLinkKind, q: string) => ['stories', 'options', slug, kind, q] as const,
  suggestions: (slug: string) => ['suggestions', slug] as const,
};

/** A community's stories, newest first, a page at a time (with whether one may record and curate). */
export function useStories(slug: string) {
  return useInfiniteQuery({
    queryKey: storyKeys.list(slug),
    queryFn: async ({ pageParam }) => {
      const result = await api.GET('/api/communities/{slug}/stories', {
        params: { path: { slug }, query: { cursor: pageParam || undefined } },
      });
      if (!result.data) throw networkError();
      return result.data;
    },
    ...cursorPages,
  });
}

/** One story with its links and abilities. */
export function useStory(id: string) {
  return useQuery({
    queryKey: storyKeys.story(id),
    queryFn: async () => dataOf(await api.GET('/api/stories/{id}', { params: { path: { id } } })),
  });
}

/** The value-creation matrix of a community. */
export function useValueMatrix(slug: string) {
  return useQuery({
    queryKey: storyKeys.matrix(slug),
    queryFn: async () =>
      dataOf(await api.GET('/api/communities/{slug}/value-matrix', { params: { path: { slug } } })),
  });
}

/** What the story form's pickers offer of one kind, matching `q`. */
export function useStoryLinkOptions(slug: string, kind: StoryLinkKind, q: string) {
  return useQuery({
    queryKey: storyKeys.options(slug, kind, q),
    queryFn: async () =>
      dataOf(
        await api.GET('/api/communities/{slug}/stories/link-options', {
          params: { path: { slug }, query: { kind, q: q || undefined } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Recording a story. */
export function useRecordStory(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: StoryBody) =>
      dataOf(await api.POST('/api/communities/{slug}/stories', { params: { path: { slug } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storyKeys.all }),
  });
}

/** The author changes their story. */
export function useUpdateStory(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: StoryBody) =>
      dataOf(await api.PUT('/api/stories/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storyKeys.all }),
  });
}

/** The author deletes their story. */
export function useDeleteStory(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => dataOf(await api.DELETE('/api/stories/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storyKeys.all }),
  });
}

/** The author publishes their draft. */
export function usePublishStory(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => dataOf(await api.POST('/api/stories/{id}/publish', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storyKeys.all }),
  });
}

/** Leaders feature, hide or publish a story. */
export function useCurateStory(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CurateBody) =>
      dataOf(await api.PATCH('/api/stories/{id}/curation', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storyKeys.all }),
  });
}

/** The suggestions for a community's leaders. */
export function useSuggestions(slug: string, enabled = true) {
  return useQuery({
    queryKey: storyKeys.suggestions(slug),
    queryFn: async () =>
      dataOf(await api.GET('/api/communities/{slug}/suggestions', { params: { path: { slug } } })),
    enabled,
  });
}

/** Dismissing a suggestion. */
export function useDismissSuggestion(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: DismissBody) =>
      dataOf(
        await api.POST('/api/communities/{slug}/suggestions/dismissals', {
          params: { path: { slug } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storyKeys.suggestions(slug) }),
  });
}
