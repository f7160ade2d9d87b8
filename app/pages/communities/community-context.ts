import { useQuery } from '@tanstack/react-query';
import { useOutletContext } from 'react-router';
import { apiGet } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { CommunityHome } from '../../api/types.ts';

/** A community's home (details, leaders, charter, what the viewer may do), shared by its tabs. */
export function useCommunityHome(slug: string) {
  return useQuery({
    queryKey: keys.community(slug),
    queryFn: () => apiGet<CommunityHome>(`/communities/${slug}`),
  });
}

export interface CommunityOutletContext {
  home: CommunityHome;
  slug: string;
}

/** The community a tab belongs to, loaded once by the community layout. */
export function useCommunity(): CommunityOutletContext {
  return useOutletContext<CommunityOutletContext>();
}
