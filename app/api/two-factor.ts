/**
 * Two-factor sign-in through the typed client: the second step of a sign-in (a code, or setting it up
 * when the role requires it) and turning it on and off in the settings.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSignedIn } from './account.ts';
import type { paths } from './openapi.gen.ts';
import { keys } from './queries.ts';
import { api, dataOf, type Json } from './typed-client.ts';

/** A new authenticator to add: QR code (data URL), the secret for typing, the otpauth address. */
export type AuthenticatorSetup = Json<
  paths['/api/account/two-factor/setup']['post']['responses'][200]
>['data'];
/** What a sign-in answers: signed in, or the second step and its challenge. */
export type SignInResult = Json<paths['/api/auth/signin']['post']['responses'][200]>['data'];
export type SecondStep = NonNullable<SignInResult['secondStep']>;

const statusKey = ['account', 'two-factor'] as const;

/** Whether your two-factor sign-in is on, whether your role requires it, recovery codes left. */
export function useTwoFactorStatus() {
  return useQuery({
    queryKey: statusKey,
    queryFn: async () => dataOf(await api.GET('/api/account/two-factor')),
  });
}

/** The settings' mutations: start, confirm (answers the recovery codes), new codes, turn off. */
export function useTwoFactorSettings() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: statusKey });
  const setup = useMutation({
    mutationFn: async () => dataOf(await api.POST('/api/account/two-factor/setup')),
  });
  const confirm = useMutation({
    mutationFn: async (code: string) =>
      dataOf(await api.POST('/api/account/two-factor/confirm', { body: { code } })),
    onSuccess: refresh,
  });
  const regenerate = useMutation({
    mutationFn: async (code: string) =>
      dataOf(await api.POST('/api/account/two-factor/recovery-codes', { body: { code } })),
    onSuccess: refresh,
  });
  const turnOff = useMutation({
    mutationFn: async (body: { password?: string; code?: string }) =>
      dataOf(await api.POST('/api/account/two-factor/disable', { body })),
    onSuccess: refresh,
  });
  return { setup, confirm, regenerate, turnOff };
}

/** The second step of a sign-in: a code (signed in on success), or setting up an authenticator first. */
export function useSecondStep() {
  const signedIn = useSignedIn();
  const verify = useMutation({
    mutationFn: async (body: { challenge: string; code: string }) =>
      dataOf(await api.POST('/api/auth/two-factor/verify', { body })),
    onSuccess: signedIn,
  });
  const enrol = useMutation({
    mutationFn: async (challenge: string) =>
      dataOf(await api.POST('/api/auth/two-factor/enrol', { body: { challenge } })),
  });
  // Signed in once confirmed, but the page first shows the recovery codes: `signedIn` runs on Continue.
  const confirmEnrolment = useMutation({
    mutationFn: async (body: { challenge: string; code: string }) =>
      dataOf(await api.POST('/api/auth/two-factor/enrol/confirm', { body })),
  });
  return { verify, enrol, confirmEnrolment, signedIn };
}

/** An administrator resets someone's two-factor sign-in; the user lists are refetched. */
export function useResetTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      dataOf(await api.DELETE('/api/admin/users/{id}/two-factor', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.adminUsers }),
  });
}
