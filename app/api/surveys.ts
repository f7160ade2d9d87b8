/** Check-ins (surveys in rounds) and action items through the typed client. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from './openapi.gen.ts';
import { api, dataOf, type Json } from './typed-client.ts';

export type CreateCheckinBody = Json<paths['/api/communities/{slug}/surveys']['post']['requestBody']>;
export type CheckinResponseBody = Json<paths['/api/surveys/{id}/response']['put']['requestBody']>;
export type CreateActionItemBody = Json<paths['/api/communities/{slug}/action-items']['post']['requestBody']>;
export type UpdateActionItemBody = Json<paths['/api/action-items/{id}']['patch']['requestBody']>;

/** The start-of-term and end-of-term templates, in the language shown. */
export function useCheckinTemplates() {
  return useQuery({
    queryKey: ['surveys', 'templates'],
    queryFn: async () => dataOf(await api.GET('/api/survey-templates')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A community's check-ins: all for its leaders, those sent to you otherwise. */
export function useCommunityCheckins(slug: string) {
  return useQuery({
    queryKey: ['surveys', 'community', slug],
    queryFn: async () =>
      dataOf(await api.GET('/api/communities/{slug}/surveys', { params: { path: { slug } } })),
  });
}

/** The open check-ins sent to you (the home page lists them). */
export function useMyOpenCheckins() {
  return useQuery({
    queryKey: ['surveys', 'open'],
    queryFn: async () => dataOf(await api.GET('/api/surveys')),
  });
}

/** One check-in, with its questions, its round, your answers and what you may do. */
export function useCheckin(id: string) {
  return useQuery({
    queryKey: ['surveys', id],
    queryFn: async () => dataOf(await api.GET('/api/surveys/{id}', { params: { path: { id } } })),
  });
}

/** A round's results with the trend (the latest round unless `round`); `q` finds free-text answers. */
export function useCheckinResults(id: string, query: { round?: number; q?: string }) {
  return useQuery({
    queryKey: ['surveys', id, 'results', query.round ?? null, query.q ?? ''],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/surveys/{id}/results', {
          params: {
            path: { id },
            query: { ...(query.round ? { round: query.round } : {}), ...(query.q ? { q: query.q } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Starting a check-in (leaders). */
export function useCreateCheckin(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateCheckinBody) =>
      dataOf(await api.POST('/api/communities/{slug}/surveys', { params: { path: { slug } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['surveys'] }),
  });
}

/** Answering (or changing a named response). */
export function useAnswerCheckin(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CheckinResponseBody) =>
      dataOf(await api.PUT('/api/surveys/{id}/response', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['surveys'] }),
  });
}

/** Closing a check-in now (leaders): the round closes, no more rounds. */
export function useCloseCheckin(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => dataOf(await api.POST('/api/surveys/{id}/close', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['surveys'] }),
  });
}

/** A community's action items: open ones (home), done ones ("You said, we did"), or all. */
export function useActionItems(slug: string, status: 'open' | 'done' | 'all') {
  return useQuery({
    queryKey: ['action-items', slug, status],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/communities/{slug}/action-items', {
          params: { path: { slug }, query: { status } },
        }),
      ),
  });
}

/** Recording an action item (leaders). */
export function useCreateActionItem(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateActionItemBody) =>
      dataOf(await api.POST('/api/communities/{slug}/action-items', { params: { path: { slug } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['action-items', slug] }),
  });
}

/** Changing an action item (leaders): its status, or what was done. */
export function useUpdateActionItem(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; body: UpdateActionItemBody }) =>
      dataOf(
        await api.PATCH('/api/action-items/{id}', { params: { path: { id: input.id } }, body: input.body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['action-items', slug] }),
  });
}

/** Opening the next round now (leaders): the open round closes, the same questions are asked again. */
export function useStartNextRound(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => dataOf(await api.POST('/api/surveys/{id}/rounds', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['surveys'] }),
  });
}
