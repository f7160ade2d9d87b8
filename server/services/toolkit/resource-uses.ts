import type { ResourceUseKind } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayChangeResourceUse, mayRecordResourceUse } from '../../policies/toolkit.ts';
import { recordActivity } from '../../queries/activity.ts';
import { recordMilestones } from '../../queries/milestones.ts';
import {
  decrementResourceUseCount,
  deleteResourceUse,
  findResourceUse,
  incrementResourceUseCount,
  insertResourceUse,
  updateResourceUse,
} from '../../queries/resource-uses.ts';
import { awardBadges } from '../badges/badges.ts';
import type { ServiceDeps } from '../context.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { loadVisibleResource } from './load-resource.ts';

/** A resource used this many times is a milestone of its community (#16 §4). */
const resourceUseMilestone = 10;
/** A resource used this many times earns its author a badge. */
const resourceUseBadge = 25;

/** "I used this": records that the member used or adapted the resource, and what happened. One each. */
export async function recordUse(
  deps: ServiceDeps,
  actor: Actor,
  resourceId: string,
  input: { kind: ResourceUseKind; story: string },
): Promise<string> {
  return unitOfWork(deps, async (tx, outbox) => {
    const { resource, community, membership } = await loadVisibleResource(tx, actor, resourceId, {
      lock: true,
    });
    enforce(mayRecordResourceUse(actor, community, membership));
    if (resource.viewerUse) {
      throw new AppError('conflict', 'errors.toolkit.alreadyUsed');
    }
    const row = await insertResourceUse(tx, {
      resourceId: resource.id,
      userId: actor.id,
      kind: input.kind,
      story: input.story,
    });
    const uses = await incrementResourceUseCount(tx, resource.id);
    if (uses === resourceUseMilestone) {
      await recordMilestones(tx, community.id, [{ kind: 'resource_used_10', subjectId: resource.id }]);
    }
    if (uses === resourceUseBadge && resource.authorId) {
      await awardBadges(tx, outbox, deps.env.publicUrl, community, [
        { userId: resource.authorId, kind: 'resource_used_25' },
      ]);
    }
    await recordActivity(tx, {
      communityId: community.id,
      actorId: actor.id,
      kind: 'resource.used',
      subjectType: 'resource',
      subjectId: resource.id,
    });
    return row?.id ?? '';
  });
}

/** Loads a resource's use record with the resource, checking the actor may change it. */
async function loadUseToChange(tx: Db, actor: Actor, resourceId: string, useId: string) {
  const found = await loadVisibleResource(tx, actor, resourceId, { lock: true });
  const use = await findResourceUse(tx, resourceId, useId);
  if (!use) throw notFound('errors.notFound.record');
  enforce(mayChangeResourceUse(actor, found.community, found.membership, use));
  return use;
}

export async function editUse(
  deps: ServiceDeps,
  actor: Actor,
  resourceId: string,
  useId: string,
  input: { kind?: ResourceUseKind | undefined; story?: string | undefined },
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const use = await loadUseToChange(tx, actor, resourceId, useId);
    await updateResourceUse(tx, use.id, {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.story !== undefined ? { story: input.story } : {}),
    });
  });
}

export async function deleteUse(
  deps: ServiceDeps,
  actor: Actor,
  resourceId: string,
  useId: string,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const use = await loadUseToChange(tx, actor, resourceId, useId);
    await deleteResourceUse(tx, use.id);
    await decrementResourceUseCount(tx, resourceId);
  });
}
