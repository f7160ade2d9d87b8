import { and, desc, eq, sql } from 'drizzle-orm';
import type { BadgeKind } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { communities, meetingAttendance, meetings, memberBadges } from '../db/schema/index.ts';
import type { Actor } from '../lib/actor.ts';
import { visibleTo } from './communities.ts';

export interface BadgeAward {
  userId: string;
  communityId: string;
  kind: BadgeKind;
}

/** The meetings a member schedules that take place before they are a host of three. */
export const hostedMeetingsForBadge = 3;

/**
 * Records badges just earned, in the transaction of the action that earned them; answers the ones that
 * are new (a badge already earned stays as it was, so each is earned once per member and community).
 */
export async function insertBadges(db: Db, awards: readonly BadgeAward[]): Promise<BadgeAward[]> {
  if (awards.length === 0) return [];
  return db
    .insert(memberBadges)
    .values([...awards])
    .onConflictDoNothing()
    .returning({
      userId: memberBadges.userId,
      communityId: memberBadges.communityId,
      kind: memberBadges.kind,
    });
}

/**
 * The host badge, if `hostId` has now scheduled three meetings in the community whose attendance was
 * taken: one insert…select (on the meetings-by-organiser index), answering the badge when it is new.
 */
export async function insertHostBadgeIfEarned(
  db: Db,
  communityId: string,
  hostId: string,
): Promise<BadgeAward[]> {
  const held = db
    .select({ n: sql<number>`count(*)` })
    .from(meetings)
    .where(
      and(
        eq(meetings.createdBy, hostId),
        eq(meetings.communityId, communityId),
        sql`exists (select 1 from ${meetingAttendance} a where a.meeting_id = ${meetings.id})`,
      ),
    );
  const rows = await db
    .insert(memberBadges)
    .select(
      db
        .select({
          id: sql`gen_random_uuid()`.as('id'),
          userId: sql`${hostId}::uuid`.as('user_id'),
          communityId: sql`${communityId}::uuid`.as('community_id'),
          kind: sql`'hosted_three_meetings'`.as('kind'),
          earnedAt: sql`now()`.as('earned_at'),
        })
        .from(sql`(select 1) as one`)
        .where(sql`(${held}) >= ${hostedMeetingsForBadge}`),
    )
    .onConflictDoNothing()
    .returning({
      userId: memberBadges.userId,
      communityId: memberBadges.communityId,
      kind: memberBadges.kind,
    });
  return rows;
}

/** A member's badges in the communities the viewer may see, newest first. */
export async function listBadgesOf(db: Db, userId: string, viewer: Actor) {
  return db
    .select({
      id: memberBadges.id,
      kind: memberBadges.kind,
      earnedAt: memberBadges.earnedAt,
      community: { slug: communities.slug, name: communities.name },
    })
    .from(memberBadges)
    .innerJoin(communities, eq(communities.id, memberBadges.communityId))
    .where(and(eq(memberBadges.userId, userId), visibleTo(viewer)))
    .orderBy(desc(memberBadges.earnedAt), desc(memberBadges.id));
}
