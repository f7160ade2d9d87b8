/**
 * The administration through the typed client: the institution (name, default language, logo), its units,
 * users, the mailbox, the audit log, the charter template, and the one-time set-up. Each mutation updates
 * or invalidates the caches its change affects.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiUpload } from './client.ts';
import type { paths } from './openapi.gen.ts';
import { keys } from './queries.ts';
import { api, dataOf } from './typed-client.ts';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
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
