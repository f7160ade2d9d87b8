import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  communities,
  communityMembers,
  meetingActions,
  meetingAttendance,
  meetingRoleAssignments,
  meetingRsvps,
  meetingSeries,
  meetings,
  users,
} from '../db/schema/index.ts';
import type { Actor } from '../plugins/auth.ts';
import { visibleTo } from './communities.ts';
import { exactTimestamp, pageOf, rowsAfter } from './keyset.ts';
import { preparedFor } from './prepared.ts';

/** A person as meeting pages show them, built in SQL. */
export interface PersonJson {
  id: string;
  displayName: string;
  photoPath: string | null;
  updatedAt: string;
}

const personJson = (alias: string) =>
  sql.raw(
    `json_build_object('id', ${alias}.id, 'displayName', ${alias}.display_name, 'photoPath', ${alias}.photo_path, 'updatedAt', ${alias}.updated_at)`,
  );

/** Whether the actor holds the Host role at the meeting (hosts take attendance). */
const actorIsHost = sql<boolean>`exists (
  select 1 from ${meetingRoleAssignments} h
  where h.meeting_id = ${meetings.id} and lower(h.role) = 'host'
    and h.user_id = ${sql.placeholder('actorId')}::uuid)`;

/** The community fields a meeting's rules need. */
const communitySubjectColumns = {
  id: communities.id,
  slug: communities.slug,
  name: communities.name,
  visibility: communities.visibility,
  stage: communities.stage,
  joinPolicy: communities.joinPolicy,
  meetingSchedulers: communities.meetingSchedulers,
};

const meetingWithActor = (db: Db) =>
  db
    .select({
      meeting: meetings,
      community: communitySubjectColumns,
      membershipRole: communityMembers.role,
      myRsvp: meetingRsvps.status,
      isHost: actorIsHost,
    })
    .from(meetings)
    .innerJoin(communities, eq(communities.id, meetings.communityId))
    .leftJoin(
      communityMembers,
      and(
        eq(communityMembers.communityId, meetings.communityId),
        sql`${communityMembers.userId} = ${sql.placeholder('actorId')}::uuid`,
      ),
    )
    .leftJoin(
      meetingRsvps,
      and(
        eq(meetingRsvps.meetingId, meetings.id),
        sql`${meetingRsvps.userId} = ${sql.placeholder('actorId')}::uuid`,
      ),
    );

const meetingAccess = preparedFor((db) =>
  meetingWithActor(db)
    .where(eq(meetings.id, sql.placeholder('id')))
    .limit(1)
    .prepare('meeting_access'),
);

/**
 * A meeting with its community's rule-relevant fields and the actor's membership, RSVP and host role,
 * in one query; undefined when there is no such meeting. Reading rights are the caller's decision.
 */
export async function findMeetingForActor(db: Db, id: string, actorId: string | null) {
  const [row] = await meetingAccess(db).execute({ id, actorId });
  if (!row) return undefined;
  return { ...row, membership: row.membershipRole ? { role: row.membershipRole } : null };
}
export type MeetingForActor = NonNullable<Awaited<ReturnType<typeof findMeetingForActor>>>;

/** The outer meeting, qualified (Drizzle leaves columns of a one-table query unqualified). */
const thisMeeting = sql.raw('"meetings"."id"');

/** Everything else a meeting's page shows, in one prepared query. */
const meetingExtras = preparedFor((db) =>
  db
    .select({
      maybeCount: sql<number>`(select count(*)::int from ${meetingRsvps} mr
        where mr.meeting_id = ${thisMeeting} and mr.status = 'maybe')`,
      waitlistPosition: sql<number | null>`(select count(*)::int from ${meetingRsvps} w, ${meetingRsvps} me
        where me.meeting_id = ${thisMeeting} and me.user_id = ${sql.placeholder('actorId')}::uuid
          and me.status = 'waitlisted' and w.meeting_id = ${thisMeeting} and w.status = 'waitlisted'
          and (w.responded_at, w.user_id) <= (me.responded_at, me.user_id)
        having count(*) > 0)`,
      attended: sql<boolean>`exists (select 1 from ${meetingAttendance} a
        where a.meeting_id = ${thisMeeting} and a.user_id = ${sql.placeholder('actorId')}::uuid)`,
      roles: sql<{ role: string; volunteered: boolean; person: PersonJson }[]>`coalesce((
        select json_agg(json_build_object('role', ra.role, 'volunteered', ra.volunteered,
          'person', ${personJson('ru')}) order by ra.assigned_at)
        from ${meetingRoleAssignments} ra join ${users} ru on ru.id = ra.user_id
        where ra.meeting_id = ${thisMeeting}), '[]'::json)`,
      attendance: sql<PersonJson[]>`coalesce((
        select json_agg(${personJson('au')} order by au.display_name)
        from ${meetingAttendance} at join ${users} au on au.id = at.user_id
        where at.meeting_id = ${thisMeeting}), '[]'::json)`,
      actions: sql<{ id: string; text: string; done: boolean; assignee: PersonJson | null }[]>`coalesce((
        select json_agg(json_build_object('id', ac.id, 'text', ac.text, 'done', ac.done,
          'assignee', case when su.id is null then null else ${personJson('su')} end) order by ac.position)
        from ${meetingActions} ac left join ${users} su on su.id = ac.assignee_id
        where ac.meeting_id = ${thisMeeting}), '[]'::json)`,
      series: sql<{
        id: string;
        rrule: string;
        firstStart: string;
        exceptions: string[];
        position: number;
        count: number;
      } | null>`(select json_build_object('id', s.id, 'rrule', s.rrule, 'firstStart', s.first_start,
          'exceptions', s.exceptions,
          'position', (select count(*) from ${meetings} sm
            where sm.series_id = s.id and sm.original_start <= "meetings"."original_start"),
          'count', (select count(*) from ${meetings} sm where sm.series_id = s.id))
        from ${meetingSeries} s where s.id = "meetings"."series_id")`,
    })
    .from(meetings)
    .where(eq(meetings.id, sql.placeholder('id')))
    .limit(1)
    .prepare('meeting_extras'),
);

/** The roles, attendance, actions, counts and series of a meeting, for its page. */
export async function findMeetingExtras(db: Db, id: string, actorId: string | null) {
  const [row] = await meetingExtras(db).execute({ id, actorId });
  return row;
}
export type MeetingExtras = NonNullable<Awaited<ReturnType<typeof findMeetingExtras>>>;

/** The columns of a meeting card, with the actor's answer and attendance. */
const cardColumns = (actorId: string | null) => ({
  id: meetings.id,
  communityId: communities.id,
  communitySlug: communities.slug,
  communityName: communities.name,
  kind: meetings.kind,
  title: meetings.title,
  startsAt: meetings.startsAt,
  startsAtExact: exactTimestamp(meetings.startsAt),
  endsAt: meetings.endsAt,
  timeZone: meetings.timeZone,
  onlineUrl: meetings.onlineUrl,
  room: meetings.room,
  capacity: meetings.capacity,
  status: meetings.status,
  seriesId: meetings.seriesId,
  goingCount: meetings.goingCount,
  waitlistCount: meetings.waitlistCount,
  attendanceTakenAt: meetings.attendanceTakenAt,
  myRsvp: actorId
    ? sql<string | null>`(select r.status from ${meetingRsvps} r
        where r.meeting_id = ${meetings.id} and r.user_id = ${actorId})`
    : sql<string | null>`null`,
  attended: actorId
    ? sql<boolean>`exists (select 1 from ${meetingAttendance} a
        where a.meeting_id = ${meetings.id} and a.user_id = ${actorId})`
    : sql<boolean>`false`,
});
export type MeetingCardRow = Awaited<ReturnType<typeof listCommunityMeetings>>['rows'][number];

export interface MeetingListFilter {
  when: 'upcoming' | 'past';
  cursor?: string | undefined;
  limit: number;
}

/** Meetings last at most this long, so "not yet ended" can be found through the start index. */
export const longestMeetingDays = 7;

/** Upcoming: not yet ended, soonest first. Past: ended, newest first. */
function windowOf(filter: MeetingListFilter): { where: SQL; order: SQL[] } {
  const cursor = rowsAfter(
    meetings.startsAt,
    meetings.id,
    filter.cursor,
    filter.when === 'upcoming' ? 'asc' : 'desc',
  );
  if (filter.when === 'upcoming') {
    return {
      where: and(
        sql`${meetings.startsAt} > now() - interval '${sql.raw(String(longestMeetingDays))} days'`,
        sql`${meetings.endsAt} > now()`,
        cursor,
      ) as SQL,
      order: [asc(meetings.startsAt), asc(meetings.id)],
    };
  }
  return {
    where: and(sql`${meetings.endsAt} <= now()`, cursor) as SQL,
    order: [desc(meetings.startsAt), desc(meetings.id)],
  };
}

const pageKey = (row: { startsAtExact: string; id: string }) => ({ at: row.startsAtExact, id: row.id });

/** A community's meetings, upcoming or past, one page (keyset on start time). */
export async function listCommunityMeetings(
  db: Db,
  communityId: string,
  actorId: string | null,
  filter: MeetingListFilter,
) {
  const { where, order } = windowOf(filter);
  const rows = await db
    .select(cardColumns(actorId))
    .from(meetings)
    .innerJoin(communities, eq(communities.id, meetings.communityId))
    .where(and(eq(meetings.communityId, communityId), where))
    .orderBy(...order)
    .limit(filter.limit + 1);
  const { page, nextCursor } = pageOf(rows, filter.limit, pageKey);
  return { rows: page, nextCursor };
}

/**
 * A person's calendar: the meetings of the communities they belong to, and any other meeting they
 * answered (going, maybe or waiting) in a community they may still see; upcoming or past, one page.
 */
export async function listCalendar(db: Db, actor: Actor, filter: MeetingListFilter) {
  const { where, order } = windowOf(filter);
  // One IN over a union, not `community_id in (…) or id in (…)`: PostgreSQL cannot use an index for
  // an OR of two subqueries and read every meeting (a sequential scan of 20,000 rows, ~13 ms); this
  // way it reads the member's communities' meetings in the window through meetings_community_start_idx
  // and their answers through meeting_rsvps_user_idx (~1 ms). The outer window and scope still apply.
  const inWindow =
    filter.when === 'upcoming'
      ? sql.raw(`cmm.starts_at > now() - interval '${longestMeetingDays} days' and cmm.ends_at > now()`)
      : sql.raw('cmm.ends_at <= now()');
  const mine = sql`${meetings.id} in (
    select cmm.id from ${communityMembers} cm join ${meetings} cmm on cmm.community_id = cm.community_id
    where cm.user_id = ${actor.id} and ${inWindow}
    union all
    select r.meeting_id from ${meetingRsvps} r where r.user_id = ${actor.id} and r.status <> 'not_going'
  )`;
  const rows = await db
    .select(cardColumns(actor.id))
    .from(meetings)
    .innerJoin(communities, eq(communities.id, meetings.communityId))
    .where(and(mine, visibleTo(actor), where))
    .orderBy(...order)
    .limit(filter.limit + 1);
  const { page, nextCursor } = pageOf(rows, filter.limit, pageKey);
  return { rows: page, nextCursor };
}
