import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { actionItems, surveys, users } from '../db/schema/index.ts';

/** Action items (#16 §2): what a community's leaders decided from a check-in's findings. */

export type ActionItemRow = typeof actionItems.$inferSelect;

/** Adds an action item; answers its id. */
export async function insertActionItem(db: Db, values: typeof actionItems.$inferInsert): Promise<string> {
  const [row] = await db.insert(actionItems).values(values).returning({ id: actionItems.id });
  if (!row) throw new Error('insertActionItem wrote nothing');
  return row.id;
}

/** An action item by id. */
export async function findActionItem(db: Db, id: string): Promise<ActionItemRow | undefined> {
  const [row] = await db.select().from(actionItems).where(eq(actionItems.id, id));
  return row;
}

/** Changes an action item; `doneAt` follows the status (set when it becomes done, cleared when it is reopened). */
export async function updateActionItem(
  db: Db,
  id: string,
  changes: Partial<Pick<ActionItemRow, 'title' | 'ownerId' | 'dueOn' | 'status' | 'note'>>,
): Promise<void> {
  const doneAt =
    changes.status === undefined
      ? {}
      : changes.status === 'done'
        ? { doneAt: sql`coalesce(${actionItems.doneAt}, now())` }
        : { doneAt: null };
  await db
    .update(actionItems)
    .set({ ...changes, ...doneAt })
    .where(eq(actionItems.id, id));
}

/** Deletes an action item. */
export async function deleteActionItem(db: Db, id: string): Promise<void> {
  await db.delete(actionItems).where(eq(actionItems.id, id));
}

/**
 * A community's action items with their owner's name and check-in's title, in one query: open ones
 * (not done) by due date, done ones newest first, or all; at most `limit`.
 */
export async function listActionItems(
  db: Db,
  communityId: string,
  filter: 'open' | 'done' | 'all',
  limit: number,
) {
  const where =
    filter === 'open'
      ? and(eq(actionItems.communityId, communityId), ne(actionItems.status, 'done'))
      : filter === 'done'
        ? and(eq(actionItems.communityId, communityId), eq(actionItems.status, 'done'))
        : eq(actionItems.communityId, communityId);
  const order =
    filter === 'done'
      ? [desc(actionItems.doneAt), desc(actionItems.id)]
      : [
          sql`${actionItems.status} = 'done'`,
          sql`${actionItems.dueOn} asc nulls last`,
          asc(actionItems.createdAt),
        ];
  return db
    .select({
      item: actionItems,
      ownerName: users.displayName,
      surveyTitle: surveys.title,
    })
    .from(actionItems)
    .leftJoin(users, eq(users.id, actionItems.ownerId))
    .leftJoin(surveys, eq(surveys.id, actionItems.surveyId))
    .where(where)
    .orderBy(...order)
    .limit(limit);
}
