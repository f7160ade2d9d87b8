import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog, users } from '../db/schema/index.ts';
import { exactTimestamp, pageOf, rowsAfter } from './keyset.ts';

/** Records an administrative or security-relevant action, inside the caller's transaction. */
export async function recordAudit(
  db: Db,
  entry: {
    actorId: string | null;
    action: string;
    subjectType: string;
    subjectId?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    data: entry.data ?? {},
  });
}

/** The audit log, newest first, with the actor's name; keyset pagination. */
export async function listAuditEntries(db: Db, options: { cursor?: string | undefined; limit: number }) {
  const rows = await db
    .select({ entry: auditLog, actorName: users.displayName, cursorAt: exactTimestamp(auditLog.createdAt) })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(rowsAfter(auditLog.createdAt, auditLog.id, options.cursor))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(options.limit + 1);
  return pageOf(rows, options.limit, (row) => ({ at: row.cursorAt, id: row.entry.id }));
}
