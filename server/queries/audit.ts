import { and, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AuditAction } from '../../common/audit-actions.ts';
import type { Db } from '../db/client.ts';
import { auditLog, users } from '../db/schema/index.ts';
import { withoutSecrets } from '../lib/audit-data.ts';
import { exactTimestamp, pageOf, rowsAfter } from './keyset.ts';

/** One entry to record: who (null: no one signed in, or Copse itself), what, and about what. */
export interface AuditEntryInput {
  actorId: string | null;
  action: AuditAction;
  subjectType: string;
  subjectId?: string | null;
  /** Ids, names, roles and reasons only; keys that look secret are masked anyway (audit-data.ts). */
  data?: Record<string, unknown>;
}

/**
 * Records an administrative or security-relevant action, inside the caller's transaction (so the entry
 * exists exactly when the action happened). The action is one of `common/audit-actions.ts`.
 */
export async function recordAudit(db: Db, entry: AuditEntryInput): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    data: withoutSecrets(entry.data ?? {}),
  });
}

/** What administrators search the audit log by; every part optional. */
export interface AuditFilters {
  actions?: string[] | undefined;
  actorId?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  /** From this instant on (inclusive). */
  from?: Date | undefined;
  /** Before this instant (exclusive). */
  before?: Date | undefined;
  /** Words from the actor's name, the subject person's name, the subject id or the data. */
  text?: string | undefined;
}

const subjectUsers = alias(users, 'subject_users');
/** The subject's person id when the subject is a person (a CASE, so no other subject is cast to uuid). */
const subjectUserId = sql`(case when ${auditLog.subjectType} = 'user' and ${auditLog.subjectId} ~ '^[0-9a-f-]{36}$' then ${auditLog.subjectId}::uuid end)`;

function filterConditions(filters: AuditFilters): SQL | undefined {
  const pattern = filters.text ? `%${filters.text.replace(/[%_\\]/g, '\\$&')}%` : undefined;
  return and(
    filters.actions?.length ? inArray(auditLog.action, filters.actions) : undefined,
    filters.actorId ? eq(auditLog.actorId, filters.actorId) : undefined,
    filters.subjectType ? eq(auditLog.subjectType, filters.subjectType) : undefined,
    filters.subjectId ? eq(auditLog.subjectId, filters.subjectId) : undefined,
    filters.from ? gte(auditLog.createdAt, filters.from) : undefined,
    filters.before ? lt(auditLog.createdAt, filters.before) : undefined,
    pattern
      ? or(
          sql`${users.displayName} ilike ${pattern}`,
          sql`${subjectUsers.displayName} ilike ${pattern}`,
          sql`${auditLog.subjectId} ilike ${pattern}`,
          sql`${auditLog.data}::text ilike ${pattern}`,
        )
      : undefined,
  );
}

/**
 * The audit log, newest first, filtered, with the actor's and (for a person) the subject's name; keyset
 * pagination. Each filter has its index (action, actor, subject, each with the time); the text search
 * walks the newest entries of what the other filters leave.
 */
export async function listAuditEntries(
  db: Db,
  options: AuditFilters & { cursor?: string | undefined; limit: number },
) {
  const rows = await db
    .select({
      entry: auditLog,
      actorName: users.displayName,
      subjectName: subjectUsers.displayName,
      cursorAt: exactTimestamp(auditLog.createdAt),
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(subjectUsers, eq(subjectUsers.id, subjectUserId))
    .where(and(filterConditions(options), rowsAfter(auditLog.createdAt, auditLog.id, options.cursor)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(options.limit + 1);
  return pageOf(rows, options.limit, (row) => ({ at: row.cursorAt, id: row.entry.id }));
}

export type AuditEntryRow = Awaited<ReturnType<typeof listAuditEntries>>['page'][number];
