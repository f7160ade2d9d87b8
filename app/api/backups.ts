/** The installation's backups (Admin → Backups) through the typed client. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from './typed-client.ts';

const backupsKey = ['admin', 'backups'] as const;

/** The backups in the server's backup folder, newest first, with the schedule and retention. */
export function useBackups() {
  return useQuery({
    queryKey: backupsKey,
    queryFn: async () => dataOf(await api.GET('/api/admin/backups')),
  });
}

/** "Back up now": makes a backup, then refetches the list (retention may have deleted the oldest). */
export function useBackUpNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => dataOf(await api.POST('/api/admin/backups')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: backupsKey }),
  });
}
