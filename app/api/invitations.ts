/** An invitation to a community, seen through its link, accepted or declined; through the typed client. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { keys } from './queries.ts';
import { api, dataOf } from './typed-client.ts';

export function invitationQuery(token: string) {
  return queryOptions({
    queryKey: keys.invitation(token),
    queryFn: async () => dataOf(await api.GET('/api/invitations/{token}', { params: { path: { token } } })),
  });
}

/** The invitation behind a link: its community, role, inviter and whether it can still be used. */
export function useInvitation(token: string) {
  return useQuery(invitationQuery(token));
}

/** Accepts the invitation; the community and the directory then show the new membership. */
export function useAcceptInvitationMutation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      dataOf(await api.POST('/api/invitations/{token}/accept', { params: { path: { token } } })),
    onSuccess: async (done) => {
      await queryClient.invalidateQueries({ queryKey: keys.community(done.slug) });
      await queryClient.invalidateQueries({ queryKey: keys.communities });
    },
  });
}

/**
 * Declines the invitation; the invitation is read again (it is used now). That read is not awaited, so
 * the page says "declined" before the new state of the invitation arrives.
 */
export function useDeclineInvitationMutation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      dataOf(await api.POST('/api/invitations/{token}/decline', { params: { path: { token } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.invitation(token) });
    },
  });
}
