/**
 * Single sign-on through the typed client: the sign-in page's provider buttons, linking a provider to an
 * existing account, the providers linked to one's own account, and the administrators' identity
 * providers and SSO-only setting.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSignedIn } from './account.ts';
import type { paths } from './openapi.gen.ts';
import { api, dataOf, type Json } from './typed-client.ts';

const ssoKeys = {
  options: ['sso', 'options'] as const,
  pendingLink: ['sso', 'link'] as const,
  linked: ['sso', 'linked'] as const,
  providers: ['admin', 'identity-providers'] as const,
  settings: ['admin', 'sso'] as const,
};

/** An identity provider as administrators see it (never its client secret). */
export type IdentityProvider = Json<
  paths['/api/admin/identity-providers']['get']['responses'][200]
>['data'][number];
/** The JSON body of POST /api/admin/identity-providers. */
export type NewIdentityProvider = Json<paths['/api/admin/identity-providers']['post']['requestBody']>;
/** The JSON body of PATCH /api/admin/identity-providers/{id}. */
export type IdentityProviderChange = Json<
  paths['/api/admin/identity-providers/{id}']['patch']['requestBody']
>;

/** Where the browser goes to sign in with a provider (a full page load: the provider's page follows). */
export function ssoStartUrl(providerId: string, next: string | null): string {
  const query = next && next !== '/' ? `?next=${encodeURIComponent(next)}` : '';
  return `/api/auth/sso/${encodeURIComponent(providerId)}/start${query}`;
}

/** The enabled providers (a button each on the sign-in page) and whether sign-in is through them only. */
export function useSsoOptions() {
  return useQuery({
    queryKey: ssoKeys.options,
    queryFn: async () => dataOf(await api.GET('/api/auth/sso/options')),
    staleTime: 60_000,
  });
}

/** The provider identity this browser brought back, waiting to be linked to an existing account. */
export function usePendingSsoLink() {
  return useQuery({
    queryKey: ssoKeys.pendingLink,
    queryFn: async () => dataOf(await api.GET('/api/auth/sso/link')),
    retry: false,
  });
}

/** Proving the account with its password links the provider and signs in. */
export function useLinkWithPasswordMutation() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: async (body: { password: string }) =>
      dataOf(await api.POST('/api/auth/sso/link/password', { body })),
    onSuccess: signedIn,
  });
}

/** Asking for the link by email instead. */
export function useSendSsoLinkEmailMutation() {
  return useMutation({
    mutationFn: async () => dataOf(await api.POST('/api/auth/sso/link/email')),
  });
}

/** Following the emailed link (its token) links the provider and signs in. */
export function useConfirmSsoLinkMutation() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: async (token: string) =>
      dataOf(await api.POST('/api/auth/sso/link/confirm', { body: { token } })),
    onSuccess: signedIn,
  });
}

/** The providers linked to the signed-in person's account. */
export function useLinkedIdentities() {
  return useQuery({
    queryKey: ssoKeys.linked,
    queryFn: async () => dataOf(await api.GET('/api/auth/identities')),
  });
}

/** Administrators: every identity provider. */
export function useIdentityProviders() {
  return useQuery({
    queryKey: ssoKeys.providers,
    queryFn: async () => dataOf(await api.GET('/api/admin/identity-providers')),
  });
}

/** Adding, changing or removing a provider refetches the list and the sign-in page's buttons. */
export function useIdentityProviderMutations() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ssoKeys.providers });
    await queryClient.invalidateQueries({ queryKey: ssoKeys.options });
  };
  const add = useMutation({
    mutationFn: async (body: NewIdentityProvider) =>
      dataOf(await api.POST('/api/admin/identity-providers', { body })),
    onSuccess: refresh,
  });
  const change = useMutation({
    mutationFn: async (input: { id: string; body: IdentityProviderChange }) =>
      dataOf(
        await api.PATCH('/api/admin/identity-providers/{id}', {
          params: { path: { id: input.id } },
          body: input.body,
        }),
      ),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: async (id: string) =>
      dataOf(await api.DELETE('/api/admin/identity-providers/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  return { add, change, remove };
}

/** Administrators: whether sign-in is through the providers only. */
export function useSsoSettings() {
  return useQuery({
    queryKey: ssoKeys.settings,
    queryFn: async () => dataOf(await api.GET('/api/admin/sso')),
  });
}

export function useSsoOnlyMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ssoOnly: boolean) => dataOf(await api.PUT('/api/admin/sso', { body: { ssoOnly } })),
    onSuccess: async (settings) => {
      queryClient.setQueryData(ssoKeys.settings, settings);
      await queryClient.invalidateQueries({ queryKey: ssoKeys.options });
    },
  });
}
