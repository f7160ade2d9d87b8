import type { Db } from '../../db/client.ts';
import { authorize } from '../../errors.ts';
import type { Actor } from '../../plugins/auth.ts';
import { canManageCommunity } from '../../policies/communities.ts';
import { listOpenInvitations } from '../../queries/invitations.ts';
import { loadVisibleCommunity } from './load-community.ts';

const onlyManagers = { message: 'Only the community’s leaders and the coordinators see its invitations.' };

/** Leaders and coordinators: a page of the community's open invitations, newest first, and their number. */
export async function listCommunityInvitations(
  db: Db,
  actor: Actor,
  slug: string,
  page: { cursor?: string | undefined; limit: number },
) {
  const { community, membership } = await loadVisibleCommunity(db, actor, slug);
  authorize(canManageCommunity(actor, community, membership), onlyManagers);
  return listOpenInvitations(db, community.id, page);
}
