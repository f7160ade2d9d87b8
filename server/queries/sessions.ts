import { and, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communityMembers, sessions, units, users } from '../db/schema/index.ts';
import { preparedFor } from './prepared.ts';
import { profileColumns } from './users.ts';

export const sessionLifetimeMs = 30 * 24 * 60 * 60 * 1000;
/**
 * The longest a session lives however often it is used (ASVS V7.3.2): 90 days after signing in, its
 * person signs in again. The 30-day expiry slides with use up to this.
 */
export const sessionAbsoluteLifetimeMs = 90 * 24 * 60 * 60 * 1000;
const absoluteEnd = sql`${sessions.createdAt} + make_interval(secs => ${sessionAbsoluteLifetimeMs / 1000})`;

/** Minutes without a request after which a session ends: administrators' and everyone else's. */
export interface IdleMinutes {
  member: number;
  administrator: number;
}

/** The idle time-out of someone with `role`. */
export function idleMinutesFor(role: string, idle: IdleMinutes): number {
  return role === 'administrator' ? idle.administrator : idle.member;
}

// A session lives until its 30-day expiry and at most 90 days after signing in, unless its person was
// suspended or it has been idle longer than their role's time-out (the minutes come in as placeholders:
// the statements stay prepared).
const liveSession = and(
  eq(sessions.id, sql.placeholder('sessionId')),
  gt(sessions.expiresAt, sql`now()`),
  sql`${absoluteEnd} > now()`,
  isNull(users.suspendedAt),
  sql`${sessions.lastSeenAt} > now() - make_interval(mins => (case when ${users.role} = 'administrator' then ${sql.placeholder('adminIdle')} else ${sql.placeholder('memberIdle')} end)::int)`,
);

// A partner holds project-only memberships and no other (#18 §4); the first probe reads the partial
// index community_members_project_only_idx, empty for everyone else.
const confinedToProjects = sql<boolean>`(exists (select 1 from ${communityMembers} pm
    where pm.user_id = ${users.id} and pm.project_only)
  and not exists (select 1 from ${communityMembers} om where om.user_id = ${users.id} and not om.project_only)
  and ${users.role} = 'member')`;

// Every API request runs one of these two, so they are prepared statements (planned once per connection).
const actorBySession = preparedFor((db) =>
  db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      kind: users.kind,
      language: users.language,
      confinedToProjects,
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(liveSession)
    .limit(1)
    .prepare('actor_by_session'),
);

const profileBySession = preparedFor((db) =>
  db
    .select({
      user: profileColumns,
      unitName: units.name,
      confinedToProjects,
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(liveSession)
    .limit(1)
    .prepare('profile_by_session'),
);

/** The signed-in person behind a session id, in one query; undefined when expired, idle or suspended. */
export async function findActorBySessionId(db: Db, sessionId: string, idle: IdleMinutes) {
  const [row] = await actorBySession(db).execute({
    sessionId,
    memberIdle: idle.member,
    adminIdle: idle.administrator,
  });
  return row;
}

/** Like `findActorBySessionId`, with the person's whole profile and unit name, still one query. */
export async function findProfileBySessionId(db: Db, sessionId: string, idle: IdleMinutes) {
  const [row] = await profileBySession(db).execute({
    sessionId,
    memberIdle: idle.member,
    adminIdle: idle.administrator,
  });
  return row;
}

export async function insertSession(
  db: Db,
  values: { id: string; userId: string; userAgent: string; ip: string },
): Promise<void> {
  await db.insert(sessions).values({ ...values, expiresAt: new Date(Date.now() + sessionLifetimeMs) });
}

/**
 * Slides a session's expiry (never past its absolute end) and idle time-out; called at most every few
 * minutes per session.
 */
export async function touchSession(db: Db, sessionId: string): Promise<Date> {
  const [row] = await db
    .update(sessions)
    .set({
      lastSeenAt: sql`now()`,
      expiresAt: sql`least(now() + make_interval(secs => ${sessionLifetimeMs / 1000}), ${absoluteEnd})`,
    })
    .where(eq(sessions.id, sessionId))
    .returning({ lastSeenAt: sessions.lastSeenAt });
  return row?.lastSeenAt ?? new Date();
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

/** A person's live sessions (not expired, not idle longer than `idleMinutes`), most recent first. */
export async function listUserSessions(db: Db, userId: string, idleMinutes: number) {
  return db
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        gt(sessions.expiresAt, sql`now()`),
        sql`${sessions.lastSeenAt} > now() - make_interval(mins => ${idleMinutes}::int)`,
      ),
    )
    .orderBy(sql`${sessions.lastSeenAt} desc`)
    .limit(100);
}

export async function deleteExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}
