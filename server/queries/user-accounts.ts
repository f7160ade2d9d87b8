import { and, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { UserRole } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { twoFactorCredentials, units, users } from '../db/schema/index.ts';
import { exactTimestamp, pageOf, rowsAfter } from './keyset.ts';
import { profileColumns, type UserRow } from './users.ts';

/** Users for the administrators' list: search by name or email, filter by role or suspension; newest first. */
export async function listUsersForAdmin(
  db: Db,
  options: {
    q?: string | undefined;
    role?: UserRole | undefined;
    suspended?: boolean | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const conditions: (SQL | undefined)[] = [
    rowsAfter(users.createdAt, users.id, options.cursor),
    isNull(users.erasedAt),
  ];
  if (options.q) {
    const pattern = `%${options.q.replace(/[%_\\]/g, '\\$&')}%`;
    conditions.push(or(ilike(users.displayName, pattern), ilike(users.email, pattern)));
  }
  if (options.role) conditions.push(eq(users.role, options.role));
  if (options.suspended !== undefined)
    conditions.push(options.suspended ? isNotNull(users.suspendedAt) : isNull(users.suspendedAt));
  const rows = await db
    .select({
      user: profileColumns,
      unitName: units.name,
      // One primary-key probe per row of the page, inside this statement.
      twoFactor: sql<boolean>`exists (select 1 from ${twoFactorCredentials} where ${twoFactorCredentials.userId} = ${users.id} and ${twoFactorCredentials.enabledAt} is not null)`,
      cursorAt: exactTimestamp(users.createdAt),
    })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(...conditions))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(options.limit + 1);
  return pageOf(rows, options.limit, (row) => ({ at: row.cursorAt, id: row.user.id }));
}

/** A person's account locked for the rest of the transaction (undefined: no such person). */
export async function findUserForUpdate(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).for('update').limit(1);
  return row;
}

/** What administrators change on an account: its role, or its suspension (null: reinstated). */
export type AccountChanges = Partial<Pick<UserRow, 'role' | 'suspendedAt'>>;

/** Writes an administrator's change to an account; answers the row (undefined: no such person). */
export async function updateUserAccount(
  db: Db,
  id: string,
  changes: AccountChanges,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row;
}
