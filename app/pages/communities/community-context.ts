import { useOutletContext } from 'react-router';
import type { CommunityHome } from '../../api/types.ts';

export interface CommunityOutletContext {
  home: CommunityHome;
  slug: string;
}

/** The community a tab belongs to, loaded once by the community layout. */
export function useCommunity(): CommunityOutletContext {
  return useOutletContext<CommunityOutletContext>();
}
