import { and, eq, sql } from 'drizzle-orm';
import type { ResourceUseKind } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { resources, resourceUses } from '../db/schema/index.ts';

/** Writes of "I used this" records and the resource's count of them (the list: toolkit.ts). */

/** Records that a person used or adapted a resource; answers the record's id. */
export async function insertResourceUse(
  db: Db,
  use: { resourceId: string; userId: string; kind: ResourceUseKind; story: string },
) {
  const [row] = await db.insert(resourceUses).values(use).returning({ id: resourceUses.id });
  return row;
}

/** A resource's use record by id, with who wrote it (undefined: not a record of this resource). */
export async function findResourceUse(db: Db, resourceId: string, useId: string) {
  const [use] = await db
    .select({ id: resourceUses.id, userId: resourceUses.userId })
    .from(resourceUses)
    .where(and(eq(resourceUses.id, useId), eq(resourceUses.resourceId, resourceId)))
    .limit(1);
  return use;
}

/** Changes a use record's kind or story (a field left out stays) and marks it updated now. */
export async function updateResourceUse(
  db: Db,
  useId: string,
  changes: { kind?: ResourceUseKind; story?: string },
): Promise<void> {
  await db
    .update(resourceUses)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(resourceUses.id, useId));
}

/** Deletes a use record. */
export async function deleteResourceUse(db: Db, useId: string): Promise<void> {
  await db.delete(resourceUses).where(eq(resourceUses.id, useId));
}

/** Counts one more use of a resource; answers the new count. */
export async function incrementResourceUseCount(db: Db, resourceId: string): Promise<number> {
  const [row] = await db
    .update(resources)
    .set({ useCount: sql`${resources.useCount} + 1` })
    .where(eq(resources.id, resourceId))
    .returning({ useCount: resources.useCount });
  return row?.useCount ?? 0;
}

/** Counts one use fewer of a resource (never below zero). */
export async function decrementResourceUseCount(db: Db, resourceId: string): Promise<void> {
  await db
    .update(resources)
    .set({ useCount: sql`greatest(${resources.useCount} - 1, 0)` })
    .where(eq(resources.id, resourceId));
}
