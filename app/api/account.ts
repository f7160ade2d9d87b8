/**
 * The signed-in person's own account through the typed client: profile and photo, password, sessions,
 * notifications and their email preferences, and the ways in and out (sign up, sign in, confirm, reset,
 * sign out). Each mutation updates or invalidates the caches its change affects.
 *
 * Not here, so that this module stays out of every page's first load (scripts/check-web-budget.ts): the
 * signed-in person itself and the unread count (queries.ts, typed too), and the language switch
 * (i18n/use-language.ts) and the idle time-out's check (components/session-timeout.tsx), still on client.ts.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isLocale, type Locale, sourceLocale } from '../../common/i18n/locales.ts';
import { activateLocale, browserLocale, keepLocale, keptLocale } from '../i18n/i18n.ts';
import { apiUpload } from './client.ts';
import type { paths } from './openapi.gen.ts';
import { keys, useInstitution } from './queries.ts';
import { clearSessionEnded } from './session.ts';
import { api, cursorPages, dataOf, type Json, pageOf } from './typed-client.ts';

/** The JSON body of PATCH /api/me. */
export type ProfileChange = Json<paths['/api/me']['patch']['requestBody']>;
/** One in-app notification, as GET /api/notifications lists it. */
export type AppNotification = Json<paths['/api/notifications']['get']['responses'][200]>['data'][number];
/** The JSON body of PUT /api/notifications/preferences. */
export type PreferenceChoices = Json<
  paths['/api/notifications/preferences']['put']['requestBody']
>['preferences'];

/** Saving part of the profile (a reminder switch) puts the answer in the `me` cache. */
export function useProfileMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: ProfileChange) => dataOf(await api.PATCH('/api/me', { body: change })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.me, updated);
      // Their profile page (and its badges) shows what changed.
      await queryClient.invalidateQueries({ queryKey: keys.person(updated.id) });
    },
  });
}

/**
 * Saving the profile form. The chosen language is shown at once and kept in this browser; "Automatic"
 * shows the browser's language (else the institution's default), replacing a choice kept here, which
 * would come first. Then the answer goes in the `me` cache and the people directory is refetched.
 */
export function useSaveProfileMutation() {
  const queryClient = useQueryClient();
  const { data: institution } = useInstitution();
  return useMutation({
    mutationFn: async (change: ProfileChange) => dataOf(await api.PATCH('/api/me', { body: change })),
    onSuccess: async (updated) => {
      const chosen = isLocale(updated.language) ? updated.language : null;
      const locale: Locale =
        chosen ??
        browserLocale() ??
        (isLocale(institution?.defaultLanguage) ? institution.defaultLanguage : sourceLocale);
      if (chosen || keptLocale()) keepLocale(locale);
      await activateLocale(locale).catch(() => undefined);
      queryClient.setQueryData(keys.me, updated);
      await queryClient.invalidateQueries({ queryKey: keys.people });
    },
  });
}

/** Uploading (multipart, client.ts) or removing the profile photo refreshes `me` and the people directory. */
export function usePhotoMutations() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: keys.me });
    await queryClient.invalidateQueries({ queryKey: keys.people });
  };
  const upload = useMutation({
    mutationFn: (file: File) => apiUpload('/me/photo', file),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: async () => dataOf(await api.DELETE('/api/me/photo')),
    onSuccess: refresh,
  });
  return { upload, remove };
}

/** Changing the password ends the other sessions: the session list is refetched. */
export function usePasswordMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) =>
      dataOf(await api.POST('/api/auth/password', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.sessions }),
  });
}

/** Where the person is signed in. */
export function useSessions() {
  return useQuery({
    queryKey: keys.sessions,
    queryFn: async () => dataOf(await api.GET('/api/auth/sessions')),
  });
}

/** Signing out one of the other sessions; the list is refetched whatever the answer. */
export function useRevokeSessionMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      dataOf(await api.DELETE('/api/auth/sessions/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.sessions }),
  });
}

/** The notification centre, newest first, one page after another. */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: keys.notifications,
    queryFn: async ({ pageParam }) =>
      pageOf(await api.GET('/api/notifications', { params: { query: { cursor: pageParam || undefined } } })),
    ...cursorPages,
  });
}

function useRefreshNotifications() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.notifications }),
      queryClient.invalidateQueries({ queryKey: keys.unreadCount }),
    ]);
}

/** Marking one notification read refetches the list and the bell's count, whatever the answer. */
export function useMarkReadMutation() {
  const refresh = useRefreshNotifications();
  return useMutation({
    mutationFn: async (id: string) =>
      dataOf(await api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSettled: refresh,
  });
}

/** Marking every notification read, likewise. */
export function useMarkAllReadMutation() {
  const refresh = useRefreshNotifications();
  return useMutation({
    mutationFn: async () => dataOf(await api.POST('/api/notifications/read-all')),
    onSettled: refresh,
  });
}

/** The email choice for each kind of notification. */
export function useNotificationPreferences() {
  return useQuery({
    queryKey: keys.preferences,
    queryFn: async () => dataOf(await api.GET('/api/notifications/preferences')),
  });
}

/** Saving the choices puts the answer in the cache. */
export function usePreferencesMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (preferences: PreferenceChoices) =>
      dataOf(await api.PUT('/api/notifications/preferences', { body: { preferences } })),
    onSuccess: (data) => {
      queryClient.setQueryData(keys.preferences, data);
    },
  });
}

/** Creating an account (a confirmation link is emailed). */
export function useSignUpMutation() {
  return useMutation({
    mutationFn: async (body: { displayName: string; email: string; password: string }) =>
      dataOf(await api.POST('/api/auth/signup', { body })),
  });
}

/**
 * Everything cached was seen signed out (or as someone else): once signed in, a session that ended
 * earlier is no longer news and every query is refetched (the guard around the page then moves on).
 */
export function useSignedIn() {
  const queryClient = useQueryClient();
  return () => {
    clearSessionEnded();
    return queryClient.invalidateQueries();
  };
}

/**
 * Signing in with email and password: signed in, or a second step to take first (two-factor), which
 * the page then shows (app/pages/auth/second-step.tsx).
 */
export function useSignInMutation() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: async (body: { email: string; password: string }) =>
      dataOf(await api.POST('/api/auth/signin', { body })),
    onSuccess: (result) => (result.signedIn ? signedIn() : undefined),
  });
}

/** Signing in with an emailed one-time link; likewise. */
export function useSigninLinkMutation() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: async (token: string) => dataOf(await api.POST('/api/auth/signin-link', { body: { token } })),
    onSuccess: (result) => (result.signedIn ? signedIn() : undefined),
  });
}

/** Asking for a new confirmation link. */
export function useResendConfirmationMutation() {
  return useMutation({
    mutationFn: async (body: { email: string }) =>
      dataOf(await api.POST('/api/auth/resend-confirmation', { body })),
  });
}

/** Confirming an email address with the token from its link. */
export function useConfirmEmailMutation() {
  return useMutation({
    mutationFn: async (token: string) =>
      dataOf(await api.POST('/api/auth/confirm-email', { body: { token } })),
  });
}

/** Asking for a password-reset link. */
export function usePasswordResetMutation() {
  return useMutation({
    mutationFn: async (body: { email: string }) =>
      dataOf(await api.POST('/api/auth/password-reset', { body })),
  });
}

/** Choosing a new password with a reset link ends every session: nobody is signed in here any more. */
export function useCompletePasswordResetMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { token: string; password: string }) =>
      dataOf(await api.POST('/api/auth/password-reset/complete', { body })),
    onSuccess: () => {
      queryClient.setQueryData(keys.me, null);
    },
  });
}

/**
 * Signing out: the session ends on the server, and whatever the answer everything cached is forgotten.
 * A plain call, not a mutation: a failure here must not take the app's "session ended" path.
 */
export function useSignOut(): () => Promise<string | null> {
  const queryClient = useQueryClient();
  return async () => {
    try {
      // A session that came through an identity provider answers its end-session address (single log-out).
      return dataOf(await api.POST('/api/auth/signout')).endSessionUrl;
    } finally {
      queryClient.clear();
      queryClient.setQueryData(keys.me, null);
    }
  };
}

/**
 * "Stay signed in": restarts the idle time-out (the answer's header carries the new deadline). A plain
 * call: when it fails, the time-out dialog says so and the countdown ends the session itself.
 */
export async function staySignedIn(): Promise<void> {
  dataOf(await api.POST('/api/auth/session/refresh'));
}

/** Deletes the signed-in account (anonymise or delete); the session ends and everything cached is forgotten. */
export function useEraseAccountMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { mode: 'anonymise' | 'delete'; password?: string; confirmation: string }) =>
      dataOf(await api.POST('/api/me/erase', { body })),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(keys.me, null);
    },
  });
}
