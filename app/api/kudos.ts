/** Kudos (#16 §4) through the typed client. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KudosSubject } from '../../common/enums.ts';
import { api, dataOf } from './typed-client.ts';

/** The kudos for a contribution (for a thread: also its replies'), read once for the whole page. */
export function useKudosFor(subjectType: KudosSubject, subjectId: string, enabled = true) {
  return useQuery({
    queryKey: ['kudos', subjectType, subjectId],
    queryFn: async () =>
      dataOf(await api.GET('/api/kudos', { params: { query: { subjectType, subjectId } } })),
    enabled,
  });
}

/** Giving kudos; the page's kudos are read again. */
export function useGiveKudos() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { subjectType: KudosSubject; subjectId: string; message: string }) =>
      dataOf(await api.POST('/api/kudos', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['kudos'] }),
  });
}
