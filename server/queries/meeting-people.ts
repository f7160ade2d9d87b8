import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  communityMembers,
  meetingRoleAssignments,
  meetingRsvps,
  meetings,
  users,
} from '../db/schema/index.ts';
import { rowsOf } from './raw-rows.ts';

/** Who answered a meeting, going first, then maybe, waiting (in wait-list order) and not going. */
export async function listMeetingRsvps(db: Db, meetingId: string) {
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      photoPath: users.photoPath,
      updatedAt: users.updatedAt,
      status: meetingRsvps.status,
      respondedAt: meetingRsvps.respondedAt,
    })
    .from(meetingRsvps)
    .innerJoin(users, eq(users.id, meetingRsvps.userId))
    .where(eq(meetingRsvps.meetingId, meetingId))
    .orderBy(
      sql`array_position(array['going','maybe','waitlisted','not_going']::rsvp_status[], ${meetingRsvps.status})`,
      asc(meetingRsvps.respondedAt),
      asc(users.id),
    )
    .limit(5000);
}

/**
 * The rotation: for each role, the community's members (guests aside) who have taken it least
 * recently in this community, never first; among equals, people going to this meeting, then by name.
 * One query for every role; `perRole` people each.
 */
export async function suggestRoleRotation(
  db: Db,
  communityId: string,
  meetingId: string,
  roles: string[],
  perRole = 3,
) {
  if (roles.length === 0) return [];
  const rows = await db.execute(sql`
    select role, id, display_name as "displayName", photo_path as "photoPath", updated_at as "updatedAt",
      last_taken_at as "lastTakenAt"
    from (
      select r.role, u.id, u.display_name, u.photo_path, u.updated_at, last.taken as last_taken_at,
        row_number() over (partition by r.role order by last.taken asc nulls first,
          (rsvp.status = 'going') desc nulls last, lower(u.display_name), u.id) as rank
      from unnest(array[${sql.join(
        roles.map((role) => sql`${role}`),
        sql`, `,
      )}]::text[]) as r(role)
      join ${communityMembers} cm on cm.community_id = ${communityId} and cm.role <> 'guest'
      join ${users} u on u.id = cm.user_id and u.suspended_at is null
      left join ${meetingRsvps} rsvp on rsvp.meeting_id = ${meetingId} and rsvp.user_id = u.id
      left join lateral (
        select max(m.starts_at) as taken from ${meetingRoleAssignments} ra
        join ${meetings} m on m.id = ra.meeting_id
        where ra.user_id = u.id and lower(ra.role) = lower(r.role) and m.community_id = ${communityId}
          and m.id <> ${meetingId}
      ) last on true
      where not exists (select 1 from ${meetingRoleAssignments} held
        where held.meeting_id = ${meetingId} and held.user_id = u.id)
    ) ranked
    where rank <= ${perRole}
    order by role, rank`);
  return rowsOf<{
    role: string;
    id: string;
    displayName: string;
    photoPath: string | null;
    updatedAt: string | Date;
    lastTakenAt: string | Date | null;
  }>(rows);
}

/** Of `userIds`, the ones who are members of the community (guests included). */
export async function listMemberIdsAmong(db: Db, communityId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: communityMembers.userId })
    .from(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), inArray(communityMembers.userId, userIds)));
  return rows.map((row) => row.userId);
}
