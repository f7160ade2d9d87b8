import { and, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/index.ts';

/**
 * The people who run the portfolio and answer contact requests: coordinators and administrators with
 * an active account (served by the role index).
 */
export async function listCoordinatorIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, ['coordinator', 'administrator']), isNull(users.suspendedAt)));
  return rows.map((row) => row.id);
}
