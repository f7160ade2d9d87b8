import { and, eq, sql } from 'drizzle-orm';
import type { ResourceUseKind } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { resources, resourceUses } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayChangeResourceUse, mayRecordResourceUse } from '../../policies/toolkit.ts';
import type { ServiceDeps } from '../context.ts';
import { loadVisibleResource } from './load-resource.ts';

/** "I used this": records that the member used or adapted the resource, and what happened. One each. */
export async function recordUse(
  deps: ServiceDeps,
  actor: Actor,
  resourceId: string,
  input: { kind: ResourceUseKind; story: string },
): Promise<string> {
  return deps.database.db.transaction(async (tx) => {
    const { resource, community, membership } = await loadVisibleResource(tx, actor, resourceId, {
      lock: true,
    });
    enforce(mayRecordResourceUse(actor, community, membership));
    if (resource.viewerUse) {
      throw new AppError('conflict', 'errors.toolkit.alreadyUsed');
    }
    const [row] = await tx
      .insert(resourceUses)
      .values({ resourceId: resource.id, userId: actor.id, kind: input.kind, story: input.story })
      .returning({ id: resourceUses.id });
    await tx
      .update(resources)
      .set({ useCount: sql`${resources.useCount} + 1` })
      .where(eq(resources.id, resource.id));
    return row?.id ?? '';
  });
}

/** Loads a resource's use record with the resource, checking the actor may change it. */
async function loadUseToChange(tx: Db, actor: Actor, resourceId: string, useId: string) {
  const found = await loadVisibleResource(tx, actor, resourceId, { lock: true });
  const [use] = await tx
    .select({ id: resourceUses.id, userId: resourceUses.userId })
    .from(resourceUses)
    .where(and(eq(resourceUses.id, useId), eq(resourceUses.resourceId, resourceId)))
    .limit(1);
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
    await tx
      .update(resourceUses)
      .set({
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.story !== undefined ? { story: input.story } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(resourceUses.id, use.id));
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
    await tx.delete(resourceUses).where(eq(resourceUses.id, use.id));
    await tx
      .update(resources)
      .set({ useCount: sql`greatest(${resources.useCount} - 1, 0)` })
      .where(eq(resources.id, resourceId));
  });
}
