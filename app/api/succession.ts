/** Leadership terms and succession (#18 §1) through the typed client. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HandoverKey, OutgoingRole } from '../../common/succession-enums.ts';
import { api, dataOf } from './typed-client.ts';

/** The Leadership tab: terms, the decision process, the succession under way and past ones. */
export function useLeadership(slug: string) {
  return useQuery({
    queryKey: ['leadership', slug],
    queryFn: async () =>
      dataOf(await api.GET('/api/communities/{slug}/leadership', { params: { path: { slug } } })),
  });
}

/** Every step of a succession; each reloads the tab (and the community, whose leaders may change). */
export function useSuccessionActions(slug: string) {
  const queryClient = useQueryClient();
  const path = { params: { path: { slug } } };
  const after = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['leadership', slug] });
      await queryClient.invalidateQueries({ queryKey: ['community', slug] });
    },
  };
  return {
    start: useMutation({
      mutationFn: async (body: { outgoingRole: OutgoingRole; successorId?: string }) =>
        dataOf(await api.POST('/api/communities/{slug}/succession', { ...path, body })),
      ...after,
    }),
    stepDown: useMutation({
      mutationFn: async (role: OutgoingRole) =>
        dataOf(await api.POST('/api/communities/{slug}/leadership/step-down', { ...path, body: { role } })),
      ...after,
    }),
    cancel: useMutation({
      mutationFn: async () => dataOf(await api.DELETE('/api/communities/{slug}/succession', path)),
      ...after,
    }),
    nominate: useMutation({
      mutationFn: async (userId: string) =>
        dataOf(
          await api.POST('/api/communities/{slug}/succession/nominations', { ...path, body: { userId } }),
        ),
      ...after,
    }),
    answer: useMutation({
      mutationFn: async (accept: boolean) =>
        dataOf(await api.PUT('/api/communities/{slug}/succession/nomination', { ...path, body: { accept } })),
      ...after,
    }),
    decide: useMutation({
      mutationFn: async (successorId: string | undefined) =>
        dataOf(
          await api.POST('/api/communities/{slug}/succession/decision', {
            ...path,
            body: successorId ? { successorId } : {},
          }),
        ),
      ...after,
    }),
    object: useMutation({
      mutationFn: async (reason: string) =>
        dataOf(
          await api.POST('/api/communities/{slug}/succession/objections', { ...path, body: { reason } }),
        ),
      ...after,
    }),
    vote: useMutation({
      mutationFn: async (nomineeId: string) =>
        dataOf(await api.POST('/api/communities/{slug}/succession/votes', { ...path, body: { nomineeId } })),
      ...after,
    }),
    close: useMutation({
      mutationFn: async () => dataOf(await api.POST('/api/communities/{slug}/succession/close', path)),
      ...after,
    }),
    tick: useMutation({
      mutationFn: async (body: { key: HandoverKey; note?: string }) =>
        dataOf(await api.POST('/api/communities/{slug}/succession/handover', { ...path, body })),
      ...after,
    }),
    setTerm: useMutation({
      mutationFn: async (input: { userId: string; startsOn: string; endsOn: string | null }) =>
        dataOf(
          await api.PUT('/api/communities/{slug}/leadership/terms/{userId}', {
            params: { path: { slug, userId: input.userId } },
            body: { startsOn: input.startsOn, endsOn: input.endsOn },
          }),
        ),
      ...after,
    }),
  };
}
