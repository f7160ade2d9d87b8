import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { maySeeInvitations } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import { listAllOpenInvitations, listOpenInvitations } from '../../queries/invitations.ts';
import { loadVisibleCommunity } from './load-community.ts';

async function managedCommunity(db: Db, actor: Actor, slug: string) {
  const { community, membership } = await loadVisibleCommunity(db, actor, slug);
  enforce(maySeeInvitations(actor, community, membership));
  return community;
}

/** Leaders and coordinators: a page of the community's open invitations, newest first, and their number. */
export async function listCommunityInvitations(
  db: Db,
  actor: Actor,
  slug: string,
  page: { cursor?: string | undefined; limit: number },
) {
  const community = await managedCommunity(db, actor, slug);
  return listOpenInvitations(db, community.id, page);
}

/** Leaders and coordinators: every open invitation of the community, for the CSV export. */
export async function exportCommunityInvitations(db: Db, actor: Actor, slug: string) {
  const community = await managedCommunity(db, actor, slug);
  return { slug: community.slug, rows: await listAllOpenInvitations(db, community.id) };
}
