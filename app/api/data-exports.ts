/** "Download your data" (#19) through the typed client: the state, the request, a fresh link, and the administrators' export. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from './typed-client.ts';

const exportKey = ['me', 'export'] as const;

/** The state of the signed-in person's latest request; checked again every 5 s while it is being prepared. */
export function useDataExport() {
  return useQuery({
    queryKey: exportKey,
    queryFn: async () => dataOf(await api.GET('/api/me/export')),
    refetchInterval: (query) => (query.state.data?.status === 'preparing' ? 5_000 : false),
  });
}

/** "Prepare my data": the answer (preparing) goes in the cache. */
export function usePrepareDataExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => dataOf(await api.POST('/api/me/export')),
    onSuccess: (state) => queryClient.setQueryData(exportKey, state),
  });
}

/** A fresh one-time link to the ready export; the page then opens it (the browser downloads the zip). */
export function useDataExportLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => dataOf(await api.POST('/api/me/export/link')),
    // Once downloaded, the state says so.
    onSettled: () => setTimeout(() => void queryClient.invalidateQueries({ queryKey: exportKey }), 2_000),
  });
}

/** An administrator's export of a person's data for a formal request, with its reason. */
export function useExportUserData() {
  return useMutation({
    mutationFn: async (input: { userId: string; reason: string }) =>
      dataOf(
        await api.POST('/api/admin/users/{id}/export', {
          params: { path: { id: input.userId } },
          body: { reason: input.reason },
        }),
      ),
  });
}
