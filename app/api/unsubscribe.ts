/** The unsubscribe links of notification emails, through the typed client (no session needed). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from './typed-client.ts';

const linkKey = (token: string) => ['unsubscribe', token] as const;

/** What the link would stop, and whether it already is (reading it changes nothing). */
export function useUnsubscribeLink(token: string) {
  return useQuery({
    queryKey: linkKey(token),
    queryFn: async () => dataOf(await api.GET('/api/unsubscribe/{token}', { params: { path: { token } } })),
    retry: false,
  });
}

/** Stops the emails the link names. */
export function useUnsubscribe(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      dataOf(await api.POST('/api/unsubscribe/{token}', { params: { path: { token } } })),
    onSuccess: (link) => queryClient.setQueryData(linkKey(token), link),
  });
}
