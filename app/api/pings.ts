/** Pings (quick questions from a community's leaders) through the typed client. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from './openapi.gen.ts';
import { api, dataOf, type Json } from './typed-client.ts';

export type PingAnswer = Json<paths['/api/pings/{id}/answer']['put']['requestBody']>;

const pingKey = (id: string) => ['pings', id] as const;
const resultsKey = (id: string) => ['pings', id, 'results'] as const;
const openKey = ['pings', 'open'] as const;

/** The open Pings sent to you (the home page lists them). */
export function useMyOpenPings() {
  return useQuery({ queryKey: openKey, queryFn: async () => dataOf(await api.GET('/api/pings')) });
}

/** One Ping, with your answer and what you may do. */
export function usePing(id: string) {
  return useQuery({
    queryKey: pingKey(id),
    queryFn: async () => dataOf(await api.GET('/api/pings/{id}', { params: { path: { id } } })),
  });
}

/**
 * Its results and response rate, when you may see them; read again every 10 seconds while the Ping is
 * open, so the leader sees the rate rise without reloading.
 */
export function usePingResults(id: string, options: { enabled: boolean; live: boolean }) {
  return useQuery({
    queryKey: resultsKey(id),
    queryFn: async () => dataOf(await api.GET('/api/pings/{id}/results', { params: { path: { id } } })),
    enabled: options.enabled,
    refetchInterval: options.live ? 10_000 : false,
  });
}

/** Answering (or changing the answer); the Ping, its results and the home list are read again. */
export function useAnswerPing(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PingAnswer) =>
      dataOf(await api.PUT('/api/pings/{id}/answer', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pings'] }),
  });
}

/** Closing a Ping before its time (leaders). */
export function useClosePing(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => dataOf(await api.POST('/api/pings/{id}/close', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pings'] }),
  });
}

/** What a one-click answer link from the email would answer (reading it answers nothing). */
export function useAnswerLink(token: string) {
  return useQuery({
    queryKey: ['pings', 'answer-link', token],
    queryFn: async () =>
      dataOf(await api.GET('/api/pings/answer-links/{token}', { params: { path: { token } } })),
    retry: false,
  });
}

/** Answering with the link, no session needed. */
export function useAnswerByLink(token: string) {
  return useMutation({
    mutationFn: async () =>
      dataOf(await api.POST('/api/pings/answer-links/{token}', { params: { path: { token } } })),
  });
}

export type SendPingBody = Json<paths['/api/communities/{slug}/pings']['post']['requestBody']>;

/** A community's Pings: all of them for its leaders (with the response rate), the open ones sent to you. */
export function useCommunityPings(slug: string) {
  return useQuery({
    queryKey: ['pings', 'community', slug],
    queryFn: async () =>
      dataOf(await api.GET('/api/communities/{slug}/pings', { params: { path: { slug } } })),
  });
}

/** Sending a Ping (leaders); the community's list is read again. */
export function useSendPing(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: SendPingBody) =>
      dataOf(await api.POST('/api/communities/{slug}/pings', { params: { path: { slug } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pings'] }),
  });
}

/** Moving a Ping's closing time later (leaders; at most 14 days after it was sent). */
export function useExtendPing(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (closesAt: string) =>
      dataOf(await api.POST('/api/pings/{id}/extend', { params: { path: { id } }, body: { closesAt } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pings'] }),
  });
}

/** Starting (or finding) the discussion of a Ping's results; answers the thread's id. */
export function useDiscussPing(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => dataOf(await api.POST('/api/pings/{id}/thread', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pings', id] }),
  });
}
