/**
 * The administration through the typed client: the institution (name, default language, logo), its units,
 * users, the mailbox, the audit log, the charter template, and the one-time set-up. Each mutation updates
 * or invalidates the caches its change affects.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUpload } from './client.ts';
import type { paths } from './openapi.gen.ts';
import { keys } from './queries.ts';
import { api, cursorPages, dataOf, type Json, pageOf } from './typed-client.ts';

/** The JSON body of PATCH /api/admin/institution. */
export type InstitutionChange = Json<paths['/api/admin/institution']['patch']['requestBody']>;

function useRefreshInstitution() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.institution });
}

/** Renaming the institution or changing its default language refetches the institution. */
export function useInstitutionMutation() {
  const refresh = useRefreshInstitution();
  return useMutation({
    mutationFn: async (change: InstitutionChange) =>
      dataOf(await api.PATCH('/api/admin/institution', { body: change })),
    onSuccess: refresh,
  });
}

/** Uploading (multipart, client.ts) or removing the logo refetches the institution. */
export function useLogoMutations() {
  const refresh = useRefreshInstitution();
  const upload = useMutation({
    mutationFn: (file: File) => apiUpload('/admin/institution/logo', file),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: async () => dataOf(await api.DELETE('/api/admin/institution/logo')),
    onSuccess: refresh,
  });
  return { upload, remove };
}

/** Adding, renaming or removing a unit refetches the units (in the background: the form is done). */
export function useUnitMutations() {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: keys.units });
  };
  const add = useMutation({
    mutationFn: async (body: { name: string }) => dataOf(await api.POST('/api/admin/units', { body })),
    onSuccess: refresh,
  });
  const rename = useMutation({
    mutationFn: async (input: { id: string; name: string }) =>
      dataOf(
        await api.PATCH('/api/admin/units/{id}', {
          params: { path: { id: input.id } },
          body: { name: input.name },
        }),
      ),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: async (id: string) =>
      dataOf(await api.DELETE('/api/admin/units/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  return { add, rename, remove };
}

/** Users, newest first, filtered (empty filters are left out), one page after another. */
export function useAdminUsers(filters: { q: string; role: string; suspended: string }) {
  return useInfiniteQuery({
    queryKey: [...keys.adminUsers, filters],
    queryFn: async ({ pageParam }) =>
      pageOf(
        await api.GET('/api/admin/users', {
          params: {
            query: {
              q: filters.q || undefined,
              role: isOneOf(filters.role, ['administrator', 'coordinator', 'member'] as const),
              suspended: isOneOf(filters.suspended, ['true', 'false'] as const),
              cursor: pageParam || undefined,
            },
          },
        }),
      ),
    ...cursorPages,
  });
}

/** `value` when it is one of `options`, else undefined (an empty filter). */
function isOneOf<T extends string>(value: string, options: readonly T[]): T | undefined {
  return options.find((option) => option === value);
}

type UserChangeBody = Json<paths['/api/admin/users/{id}']['patch']['requestBody']>;
type UpdatedUser = Json<paths['/api/admin/users/{id}']['patch']['responses'][200]>['data'];

/**
 * Changing a user's role or suspension refetches the user lists, whatever the answer. `onSuccess` says
 * so on the page before that refetch.
 */
export function useUserMutation<Change extends UserChangeBody>(options: {
  onMutate?: () => void;
  onSuccess?: (user: UpdatedUser, input: { id: string; change: Change }) => void;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; change: Change }) =>
      dataOf(
        await api.PATCH('/api/admin/users/{id}', { params: { path: { id: input.id } }, body: input.change }),
      ),
    onMutate: options.onMutate,
    onSuccess: options.onSuccess,
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.adminUsers }),
  });
}

/** Erasing a person on a formal request (anonymise or delete, with the reason); the list refetches. */
export function useEraseUserMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; mode: 'anonymise' | 'delete'; reason: string }) =>
      dataOf(
        await api.POST('/api/admin/users/{id}/erase', {
          params: { path: { id: input.id } },
          body: { mode: input.mode, reason: input.reason },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.adminUsers }),
  });
}

/** The audit log's filters as the page holds them ('' when not set); see GET /api/admin/audit. */
export interface AuditFilters {
  action: string;
  actor: string;
  subjectType: string;
  subjectId: string;
  from: string;
  to: string;
  q: string;
}

/** The audit log query of `filters`, without empty values (also the CSV link's). */
export function auditQueryOf(filters: AuditFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value.trim() !== ''));
}

/** The audit log, newest first, filtered, one page after another. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: [...keys.audit, filters],
    queryFn: async ({ pageParam }) =>
      pageOf(
        await api.GET('/api/admin/audit', {
          // The server checks every value (a 400 names the field), so the page's text goes as it is.
          params: { query: { ...(auditQueryOf(filters) as AuditQuery), cursor: pageParam || undefined } },
        }),
      ),
    ...cursorPages,
    retry: false,
  });
}

type AuditQuery = NonNullable<paths['/api/admin/audit']['get']['parameters']['query']>;

/** The mailbox, newest first, to one recipient when `to` is given; new messages show up every 5 seconds. */
export function useMailbox(to: string) {
  return useInfiniteQuery({
    queryKey: [...keys.mail, to],
    queryFn: async ({ pageParam }) =>
      pageOf(
        await api.GET('/api/admin/mail', {
          params: { query: { to: to || undefined, cursor: pageParam || undefined } },
        }),
      ),
    ...cursorPages,
    refetchInterval: 5000,
  });
}

/** One email. */
export function useMailMessage(id: string) {
  return useQuery({
    queryKey: [...keys.mail, 'one', id],
    queryFn: async () => dataOf(await api.GET('/api/admin/mail/{id}', { params: { path: { id } } })),
  });
}

/** The institution's charter template. */
export function useCharterTemplate() {
  return useQuery({
    queryKey: keys.charterTemplate,
    queryFn: async () => dataOf(await api.GET('/api/admin/charter-template')),
  });
}

export type CharterSections = Json<paths['/api/admin/charter-template']['put']['requestBody']>['sections'];

/** Saving the template puts the answer in the cache. */
export function useCharterTemplateMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (sections: CharterSections) =>
      dataOf(await api.PUT('/api/admin/charter-template', { body: { sections } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.charterTemplate, updated);
    },
  });
}

/** The one-time set-up; afterwards the institution and the (now signed-in) person are refetched. */
export function useSetupMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: {
      institutionName: string;
      displayName: string;
      email: string;
      password: string;
    }) => dataOf(await api.POST('/api/setup', { body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.institution }),
        queryClient.invalidateQueries({ queryKey: keys.me }),
      ]),
  });
}
