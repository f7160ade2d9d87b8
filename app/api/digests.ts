/** Email choices per community and digests (#16 §3) through the typed client. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommunityEmailInput } from '../../common/contracts/digests.ts';
import { api, dataOf } from './typed-client.ts';

const keys = {
  all: ['community-emails'] as const,
  one: (slug: string) => ['community-emails', slug] as const,
};

/** Every community the member belongs to, with their email choice for it (Settings → Notifications). */
export function useCommunityEmails() {
  return useQuery({
    queryKey: keys.all,
    queryFn: async () => dataOf(await api.GET('/api/notifications/communities')),
  });
}

/** The member's email choice for one community (the community page's control). */
export function useCommunityEmail(slug: string, enabled = true) {
  return useQuery({
    queryKey: keys.one(slug),
    queryFn: async () =>
      dataOf(await api.GET('/api/communities/{slug}/email', { params: { path: { slug } } })),
    enabled,
  });
}

/** Setting it; every view of these choices is read again. */
export function useSetCommunityEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ slug, email }: { slug: string; email: CommunityEmailInput['email'] }) =>
      dataOf(await api.PUT('/api/communities/{slug}/email', { params: { path: { slug } }, body: { email } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
