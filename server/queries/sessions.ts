import { and, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sessions, users } from '../db/schema/index.ts';

export const sessionLifetimeMs = 30 * 24 * 60 * 60 * 1000;

/** The signed-in person behind a session id, in one query; undefined when expired or suspended. */
export async function findActorBySessionId(db: Db, sessionId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, sql`now()`), isNull(users.suspendedAt)))
    .limit(1);
  return row;
}

export async function insertSession(
  db: Db,
  values: { id: string; userId: string; userAgent: string; ip: string },
): Promise<void> {
  await db.insert(sessions).values({ ...values, expiresAt: new Date(Date.now() + sessionLifetimeMs) });
}

/** Slides a session's expiry; called at most every few minutes per session. */
export async function touchSession(db: Db, sessionId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()`, expiresAt: new Date(Date.now() + sessionLifetimeMs) })
    .where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Db, sessionId: string, userId?: string): Promise<number> {
  const where = userId
    ? and(eq(sessions.id, sessionId), eq(sessions.userId, userId))
    : eq(sessions.id, sessionId);
  const deleted = await db.delete(sessions).where(where).returning({ id: sessions.id });
  return deleted.length;
}

/** Ends every session of a person, optionally keeping one (the current). */
export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  const where = exceptSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
    : eq(sessions.userId, userId);
  await db.delete(sessions).where(where);
}

export async function listUserSessions(db: Db, userId: string) {
  return db
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(sql`${sessions.lastSeenAt} desc`)
    .limit(100);
}

export async function deleteExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}
