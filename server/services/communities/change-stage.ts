import type { CommunityStage } from '../../../common/enums.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayChangeStage } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import { insertStageChange } from '../../queries/charters.ts';
import { updateCommunityStage } from '../../queries/communities.ts';
import type { ServiceDeps } from '../context.ts';
import { loadVisibleCommunity } from './load-community.ts';

/**
 * Moves a community to another stage with a note, recorded in its history. Archiving makes it
 * read-only; only coordinators bring an archived community back.
 */
export async function changeStage(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  change: { stage: CommunityStage; note: string },
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: true });
    enforce(mayChangeStage(actor, community, membership));
    if (community.stage === change.stage) {
      throw new AppError('conflict', 'errors.communities.alreadyAtStage', { stage: 'unchanged' });
    }
    await updateCommunityStage(tx, community.id, change.stage);
    await insertStageChange(tx, {
      communityId: community.id,
      fromStage: community.stage,
      toStage: change.stage,
      note: change.note,
      changedBy: actor.id,
    });
  });
}
