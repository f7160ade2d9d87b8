import { and, eq, gte, sql } from 'drizzle-orm';
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
  threads,
  users,
} from '../db/schema/index.ts';
import { actorMembershipOn, suspendedIn } from './communities.ts';
import { preparedFor } from './prepared.ts';

/** A person as meeting pages show them, built in SQL. */
export interface PersonJson {
  id: string;
  displayName: string;
  photoPath: string | null;
  updatedAt: string;
}

/** Someone who came to a meeting; `displayName` is null once their account is erased. */
export interface AttendeeJson extends Omit<PersonJson, 'displayName'> {
  displayName: string | null;
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
      suspended: suspendedIn(sql`${meetings.communityId}`, sql.placeholder('actorId')),
      myRsvp: meetingRsvps.status,
      isHost: actorIsHost,
    })
    .from(meetings)
    .innerJoin(communities, eq(communities.id, meetings.communityId))
    .leftJoin(communityMembers, actorMembershipOn(meetings.communityId, sql.placeholder('actorId')))
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
  return {
    ...row,
    membership: row.membershipRole ? { role: row.membershipRole, suspended: row.suspended } : null,
  };
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
      // An erased account stays on the list (the figures count it) without a name: "A former member".
      attendance: sql<AttendeeJson[]>`coalesce((
        select json_agg(json_build_object('id', au.id,
          'displayName', case when au.erased_at is null then au.display_name end,
          'photoPath', au.photo_path, 'updatedAt', au.updated_at)
          order by au.erased_at is not null, au.display_name)
        from ${meetingAttendance} at join ${users} au on au.id = at.user_id
        where at.meeting_id = ${thisMeeting}), '[]'::json)`,
      actions: sql<{ id: string; text: string; done: boolean; assignee: PersonJson | null }[]>`coalesce((
        select json_agg(json_build_object('id', ac.id, 'text', ac.text, 'done', ac.done,
          'assignee', case when su.id is null then null else ${personJson('su')} end) order by ac.position)
        from ${meetingActions} ac left join ${users} su on su.id = ac.assignee_id
        where ac.meeting_id = ${thisMeeting}), '[]'::json)`,
      organiser: sql<PersonJson | null>`(select ${personJson('ou')} from ${users} ou
        where ou.id = "meetings"."created_by")`,
      discussionId: sql<string | null>`(select dt.id from ${threads} dt
        where dt.meeting_id = ${thisMeeting} and dt.deleted_at is null and dt.hidden_at is null
        order by dt.created_at limit 1)`,
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

/**
 * Takes the meeting row's lock, in the caller's transaction: answers, attendance and edits of one
 * meeting are applied one after the other.
 */
export async function lockMeeting(db: Db, id: string): Promise<void> {
  await db.execute(sql`select 1 from ${meetings} where ${meetings.id} = ${id} for update`);
}

/** A new meeting row, as scheduling writes it. */
export type NewMeeting = typeof meetings.$inferInsert;

/** Writes meetings (one, or every occurrence of a series) in one statement; answers ids and starts. */
export async function insertMeetings(db: Db, rows: NewMeeting[]) {
  return db.insert(meetings).values(rows).returning({ id: meetings.id, startsAt: meetings.startsAt });
}

/** The details of a meeting an edit may change, besides its times. */
export type MeetingDetails = Partial<
  Pick<NewMeeting, 'kind' | 'title' | 'description' | 'agenda' | 'onlineUrl' | 'room' | 'capacity'>
>;

/**
 * Edits one meeting: its details, times and zone; `detached` marks an occurrence of a series edited
 * on its own. Calendars are told (sequence).
 */
export async function updateMeetingById(
  db: Db,
  id: string,
  change: MeetingDetails & { startsAt: Date; endsAt: Date; timeZone: string; detached: boolean },
): Promise<void> {
  await db
    .update(meetings)
    .set({ ...change, sequence: sql`${meetings.sequence} + 1`, updatedAt: sql`now()` })
    .where(eq(meetings.id, id));
}

/**
 * Cancels one meeting, or the still scheduled occurrences of a series from an original start on, with
 * a reason; occurrences of a series become exceptions. Answers the ids cancelled.
 */
export async function cancelMeetings(
  db: Db,
  which: { id: string } | { seriesId: string; from: Date },
  reason: string,
) {
  return db
    .update(meetings)
    .set({
      status: 'cancelled',
      cancelReason: reason,
      detached: sql`${meetings.seriesId} is not null`,
      sequence: sql`${meetings.sequence} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      'id' in which
        ? eq(meetings.id, which.id)
        : and(
            eq(meetings.seriesId, which.seriesId),
            gte(meetings.originalStart, which.from),
            eq(meetings.status, 'scheduled'),
          ),
    )
    .returning({ id: meetings.id });
}

export {
  listCalendar,
  listCommunityMeetings,
  longestMeetingDays,
  type MeetingCardRow,
  type MeetingListFilter,
} from './meeting-lists.ts';
