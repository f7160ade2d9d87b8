import type { Milestone } from '../../../common/contracts/milestones.ts';
import { notFound, notFoundAs } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayManageCommunity } from '../../policies/communities.ts';
import { enforce, isAllowed } from '../../policies/decision.ts';
import { findMilestone, listMilestones, setMilestoneNote } from '../../queries/milestones.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';

/** A community's milestones (#16 §4), newest first, for anyone who may see the community. */
export async function getCommunityMilestones(
  deps: ServiceDeps,
  actor: Actor | null,
  slug: string,
): Promise<{ milestones: Milestone[]; canAddNote: boolean }> {
  const db = deps.database.db;
  const { community, membership } = await loadVisibleCommunity(db, actor, slug);
  const rows = await listMilestones(db, community.id);
  return {
    milestones: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      reachedAt: row.reachedAt.toISOString(),
      celebrated: row.celebrated,
      note: row.note,
      noteByName: row.note === null ? null : row.noteByName,
      resource: row.resourceId && row.resourceTitle ? { id: row.resourceId, title: row.resourceTitle } : null,
    })),
    canAddNote: isAllowed(mayManageCommunity(actor, community, membership)),
  };
}

/** A leader's word on a milestone of their community; an empty note takes it away. */
export async function noteMilestone(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  note: string,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const milestone = await findMilestone(tx, id);
    if (!milestone) throw notFound('errors.notFound.milestone');
    const { community, membership } = await loadVisibleCommunity(tx, actor, milestone.communityId).catch(
      notFoundAs('errors.notFound.milestone'),
    );
    enforce(mayManageCommunity(actor, community, membership));
    await setMilestoneNote(tx, id, note === '' ? null : note, actor.id);
  });
}
