import { and, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { UserRole } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { units, users } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayManageUser } from '../../policies/administration.ts';
import { enforce } from '../../policies/decision.ts';
import { recordAudit } from '../../queries/audit.ts';
import { exactTimestamp, pageOf, rowsAfter } from '../../queries/keyset.ts';
import { deleteUserSessions } from '../../queries/sessions.ts';
import { profileColumns } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';

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
  const conditions: (SQL | undefined)[] = [rowsAfter(users.createdAt, users.id, options.cursor)];
  if (options.q) {
    const pattern = `%${options.q.replace(/[%_\\]/g, '\\$&')}%`;
    conditions.push(or(ilike(users.displayName, pattern), ilike(users.email, pattern)));
  }
  if (options.role) conditions.push(eq(users.role, options.role));
  if (options.suspended !== undefined)
    conditions.push(options.suspended ? isNotNull(users.suspendedAt) : isNull(users.suspendedAt));
  const rows = await db
    .select({ user: profileColumns, unitName: units.name, cursorAt: exactTimestamp(users.createdAt) })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(...conditions))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(options.limit + 1);
  return pageOf(rows, options.limit, (row) => ({ at: row.cursorAt, id: row.user.id }));
}

/**
 * Changes a person's role or suspends / reinstates them. Suspension ends every session at once. An
 * administrator cannot change their own account, so the installation always keeps one.
 */
export async function manageUser(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  changes: { role?: UserRole | undefined; suspended?: boolean | undefined },
) {
  enforce(mayManageUser(actor, { id: userId }));
  return unitOfWork(deps, async (tx, outbox) => {
    const [current] = await tx.select().from(users).where(eq(users.id, userId)).for('update').limit(1);
    if (!current) throw notFound('errors.notFound.person');
    const set: Partial<typeof users.$inferInsert> = {};
    if (changes.role && changes.role !== current.role) set.role = changes.role;
    if (changes.suspended === true && !current.suspendedAt) set.suspendedAt = new Date();
    if (changes.suspended === false && current.suspendedAt) set.suspendedAt = null;
    if (Object.keys(set).length === 0) return current;
    const [user] = await tx
      .update(users)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(users.id, userId))
      .returning();
    if (!user) throw new AppError('not_found', 'errors.notFound.person');
    if (set.suspendedAt) await deleteUserSessions(tx, userId);
    if (set.role) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'user.role',
        subjectType: 'user',
        subjectId: userId,
        data: { from: current.role, to: set.role },
      });
      await notifyUser(tx, outbox, deps.env.publicUrl, {
        userId,
        kind: 'account.role_changed',
        title: phrase('notify.account.roleChanged.title', { role: set.role }),
        body: phrase('notify.account.roleChanged.body', {
          name: actor.displayName,
          from: current.role,
          role: set.role,
        }),
        url: '/',
      });
    }
    if (set.suspendedAt !== undefined) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: set.suspendedAt ? 'user.suspend' : 'user.reinstate',
        subjectType: 'user',
        subjectId: userId,
      });
    }
    return user;
  });
}
