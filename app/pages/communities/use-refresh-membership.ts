import { useQueryClient } from '@tanstack/react-query';
import { keys } from '../../api/queries.ts';

/** Refreshes what depends on someone's membership: this community (and its tabs) and the directory. */
export function useRefreshMembership(slug: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: keys.community(slug) });
    await queryClient.invalidateQueries({ queryKey: keys.communities });
  };
}
