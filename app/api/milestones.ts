/** A community's milestones (#16 §4) through the typed client. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { keys } from './queries.ts';
import { api, dataOf } from './typed-client.ts';

const milestonesKey = keys.communityMilestones;

/** The community's milestones, newest first, and whether you may add a word to them. */
export function useCommunityMilestones(slug: string) {
  return useQuery({
    queryKey: milestonesKey(slug),
    queryFn: async () =>
      dataOf(await api.GET('/api/communities/{slug}/milestones', { params: { path: { slug } } })),
  });
}

/** A leader's word on a milestone (empty takes it away); the list and the home page are read again. */
export function useNoteMilestone(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; note: string }) =>
      dataOf(
        await api.PUT('/api/milestones/{id}/note', {
          params: { path: { id: input.id } },
          body: { note: input.note },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: milestonesKey(slug) });
      await queryClient.invalidateQueries({ queryKey: keys.home });
    },
  });
}
