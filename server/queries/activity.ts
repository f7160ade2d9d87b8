import { and, eq, lt, sql } from 'drizzle-orm';
import type { ActivityKind } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { activityEvents, communityMembers } from '../db/schema/index.ts';

/** One entry of the event log. */
export interface ActivityEvent {
  communityId: string | null;
  /** Null for what must not be linked to a person (anonymous Ping answers). */
  actorId: string | null;
  kind: ActivityKind;
  subjectType: string;
  subjectId: string | null;
  /** Only the day is kept (the time set to midnight UTC): for anonymous answers, whose timing must not link them to anyone. */
  coarse?: boolean;
}

/**
 * Writes one entry of the event log (#16 §5). Call it with the transaction of the action itself, so a
 * rolled-back action leaves no event and every committed action has one.
 */
export async function recordActivity(db: Db, event: ActivityEvent): Promise<void> {
  await db.insert(activityEvents).values({
    communityId: event.communityId,
    actorId: event.actorId,
    kind: event.kind,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    ...(event.coarse
      ? { occurredAt: sql`date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'` }
      : {}),
  });
}

/**
 * The members of a community who joined before `since` and have no event in it since then: "not
 * active for 60 days" (#16 §1). One statement; the anti-join reads the (community, actor, time) index.
 */
export async function findInactiveMemberIds(db: Db, communityId: string, since: Date): Promise<string[]> {
  const rows = await db
    .select({ userId: communityMembers.userId })
    .from(communityMembers)
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        lt(communityMembers.joinedAt, since),
        sql`not exists (select 1 from ${activityEvents} where ${activityEvents.communityId} = ${communityId}
          and ${activityEvents.actorId} = ${communityMembers.userId} and ${activityEvents.occurredAt} >= ${since.toISOString()})`,
      ),
    );
  return rows.map((row) => row.userId);
}

/**
 * Writes the same event for each of several people in one statement, skipping those who already have
 * it (same community, kind and subject): taking attendance again adds only who was not on the list.
 */
export async function recordActivityOfEach(
  db: Db,
  actorIds: readonly string[],
  event: Omit<ActivityEvent, 'actorId' | 'coarse'>,
): Promise<void> {
  if (actorIds.length === 0) return;
  await db.execute(sql`insert into ${activityEvents} (community_id, actor_id, kind, subject_type, subject_id)
    select ${event.communityId}::uuid, person, ${event.kind}, ${event.subjectType}, ${event.subjectId}::uuid
    from unnest(${sql.raw('array[')}${sql.join(
      actorIds.map((id) => sql`${id}`),
      sql`, `,
    )}${sql.raw(']::uuid[]')}) as person
    where not exists (select 1 from ${activityEvents} e where e.community_id = ${event.communityId}::uuid
      and e.actor_id = person and e.kind = ${event.kind} and e.subject_id = ${event.subjectId}::uuid)`);
}
