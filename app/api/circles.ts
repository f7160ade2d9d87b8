/** Peer learning circles (#18 §3) through the typed client. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from './openapi.gen.ts';
import { api, dataOf, type Json } from './typed-client.ts';

export type CreateCircleBody = Json<paths['/api/communities/{slug}/circles']['post']['requestBody']>;
export type CircleMeetingBody = Json<paths['/api/circles/{id}/meetings']['post']['requestBody']>;

/** The circles of a community the viewer may know about, and whether they may form one. */
export function useCommunityCircles(slug: string) {
  return useQuery({
    queryKey: ['circles', 'community', slug],
    queryFn: async () =>
      dataOf(await api.GET('/api/communities/{slug}/circles', { params: { path: { slug } } })),
  });
}

/** The upcoming meetings of the reader's circles, for their calendar. */
export function useMyCircleMeetings() {
  return useQuery({
    queryKey: ['circles', 'calendar'],
    queryFn: async () => dataOf(await api.GET('/api/calendar/circles')),
  });
}

/** One circle: everything for its members, its purpose and members for others who may know of it. */
export function useCircle(id: string) {
  return useQuery({
    queryKey: ['circles', id],
    queryFn: async () => dataOf(await api.GET('/api/circles/{id}', { params: { path: { id } } })),
  });
}

/** Forming a circle. */
export function useCreateCircle(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateCircleBody) =>
      dataOf(await api.POST('/api/communities/{slug}/circles', { params: { path: { slug } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['circles'] }),
  });
}

/** The circle's actions (join, leave, start, close, invite, post, schedule, reflect); each reloads the circle. */
export function useCircleActions(id: string) {
  const queryClient = useQueryClient();
  const path = { params: { path: { id } } };
  const after = { onSuccess: () => queryClient.invalidateQueries({ queryKey: ['circles'] }) };
  return {
    join: useMutation({
      mutationFn: async () => dataOf(await api.POST('/api/circles/{id}/join', path)),
      ...after,
    }),
    leave: useMutation({
      mutationFn: async () => dataOf(await api.DELETE('/api/circles/{id}/membership', path)),
      ...after,
    }),
    start: useMutation({
      mutationFn: async () => dataOf(await api.POST('/api/circles/{id}/start', path)),
      ...after,
    }),
    close: useMutation({
      mutationFn: async () => dataOf(await api.POST('/api/circles/{id}/close', path)),
      ...after,
    }),
    invite: useMutation({
      mutationFn: async (userId: string) =>
        dataOf(await api.POST('/api/circles/{id}/invitations', { ...path, body: { userId } })),
      ...after,
    }),
    post: useMutation({
      mutationFn: async (body: { body: string }) =>
        dataOf(await api.POST('/api/circles/{id}/posts', { ...path, body })),
      ...after,
    }),
    schedule: useMutation({
      mutationFn: async (body: CircleMeetingBody) =>
        dataOf(await api.POST('/api/circles/{id}/meetings', { ...path, body })),
      ...after,
    }),
    reflect: useMutation({
      mutationFn: async (body: { body: string }) =>
        dataOf(await api.PUT('/api/circles/{id}/reflection', { ...path, body })),
      ...after,
    }),
  };
}
