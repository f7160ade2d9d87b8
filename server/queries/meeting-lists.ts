import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  communities,
  communityMembers,
  meetingAttendance,
  meetingRsvps,
  meetings,
} from '../db/schema/index.ts';
import type { Actor } from '../lib/actor.ts';
import { type Scope, scopeOf, visibleIn } from './communities.ts';
import { cursorAfter, exactTimestamp, pageOf } from './keyset.ts';
import { preparedByShape } from './prepared.ts';

/**
 * Lists of meeting cards: a community's meetings and a person's calendar. Each shape of query (which
 * list, whose view, upcoming or past, first page or after a cursor, page size) runs as a named
 * prepared statement with every value a placeholder, as the directory does (communities.ts): planning
 * these queries cost PostgreSQL about as much as running them (2–3 ms on 20,000 meetings).
 */

const actorId = sql.placeholder('actorId');

/** The columns of a meeting card, with the actor's answer and attendance. */
const cardColumns = (signedIn: boolean) => ({
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
  myRsvp: signedIn
    ? sql<string | null>`(select r.status from ${meetingRsvps} r
        where r.meeting_id = ${meetings.id} and r.user_id = ${actorId}::uuid)`
    : sql<string | null>`null`,
  attended: signedIn
    ? sql<boolean>`exists (select 1 from ${meetingAttendance} a
        where a.meeting_id = ${meetings.id} and a.user_id = ${actorId}::uuid)`
    : sql<boolean>`false`,
});

export interface MeetingListFilter {
  when: 'upcoming' | 'past';
  cursor?: string | undefined;
  limit: number;
}

/** Meetings last at most this long, so "not yet ended" can be found through the start index. */
export const longestMeetingDays = 7;

interface ListShape {
  list: 'community' | 'calendar';
  /** Whose view: a calendar is scoped as the directory is; a community's list by the route. */
  scope: Scope | 'anyone';
  signedIn: boolean;
  when: MeetingListFilter['when'];
  cursor: boolean;
  /** The page size plus one; written into the SQL, so PostgreSQL can cost a generic plan. */
  rows: number;
}

/** Upcoming: not yet ended, soonest first. Past: ended, newest first. */
function windowOf(shape: ListShape): { where: SQL; order: SQL[] } {
  const after = sql`(${sql.placeholder('afterAt')}::timestamptz, ${sql.placeholder('afterId')}::uuid)`;
  const key = sql`(${meetings.startsAt}, ${meetings.id})`;
  if (shape.when === 'upcoming') {
    return {
      where: and(
        sql`${meetings.startsAt} > now() - interval '${sql.raw(String(longestMeetingDays))} days'`,
        sql`${meetings.endsAt} > now()`,
        shape.cursor ? sql`${key} > ${after}` : undefined,
      ) as SQL,
      order: [asc(meetings.startsAt), asc(meetings.id)],
    };
  }
  return {
    where: and(sql`${meetings.endsAt} <= now()`, shape.cursor ? sql`${key} < ${after}` : undefined) as SQL,
    order: [desc(meetings.startsAt), desc(meetings.id)],
  };
}

/**
 * The calendar's meetings: one IN over a union, not `community_id in (…) or id in (…)`: PostgreSQL
 * cannot use an index for an OR of two subqueries and read every meeting (a sequential scan of 20,000
 * rows, ~13 ms); this way it reads the member's communities' meetings in the window through
 * meetings_community_start_idx and their answers through meeting_rsvps_user_idx (~1 ms).
 */
function calendarMeetings(shape: ListShape): SQL {
  const inWindow =
    shape.when === 'upcoming'
      ? sql.raw(`cmm.starts_at > now() - interval '${longestMeetingDays} days' and cmm.ends_at > now()`)
      : sql.raw('cmm.ends_at <= now()');
  return sql`${meetings.id} in (
    select cmm.id from ${communityMembers} cm join ${meetings} cmm on cmm.community_id = cm.community_id
    where cm.user_id = ${actorId}::uuid and not cm.project_only and ${inWindow}
    union all
    select r.meeting_id from ${meetingRsvps} r where r.user_id = ${actorId}::uuid and r.status <> 'not_going'
  )`;
}

function listQuery(db: Db, shape: ListShape) {
  const { where, order } = windowOf(shape);
  const scope =
    shape.list === 'community'
      ? eq(meetings.communityId, sql.placeholder('communityId'))
      : and(calendarMeetings(shape), shape.scope === 'anyone' ? undefined : visibleIn(shape.scope, actorId));
  return db
    .select(cardColumns(shape.signedIn))
    .from(meetings)
    .innerJoin(communities, eq(communities.id, meetings.communityId))
    .where(and(scope, where))
    .orderBy(...order)
    .limit(shape.rows);
}

/** Named statements per pool: the first 100 shapes; further shapes run unprepared. */
const listStatement = preparedByShape(
  (shape: ListShape) =>
    `meetings_${shape.list}_${shape.scope}_${shape.signedIn ? 'in' : 'out'}_${shape.when}_${shape.cursor ? 'after' : 'first'}_${shape.rows}`,
  listQuery,
  100,
);

async function runList(
  db: Db,
  shape: ListShape,
  filter: MeetingListFilter,
  values: { actorId: string | null; communityId: string | null },
) {
  // Validates the cursor (a 400 for one not from this list) before its parts become parameters.
  const after = cursorAfter(filter.cursor);
  const rows = await listStatement(db, shape).execute({
    ...values,
    afterAt: after?.at ?? null,
    afterId: after?.id ?? null,
  });
  return pageOf(rows, filter.limit, (row) => ({ at: row.startsAtExact, id: row.id }));
}

function shapeOf(
  list: ListShape['list'],
  scope: ListShape['scope'],
  signedIn: boolean,
  filter: MeetingListFilter,
) {
  if (!Number.isSafeInteger(filter.limit) || filter.limit < 1)
    throw new Error('limit must be a whole number');
  return { list, scope, signedIn, when: filter.when, cursor: Boolean(filter.cursor), rows: filter.limit + 1 };
}

/** A community's meetings, upcoming or past, one page (keyset on start time). */
export async function listCommunityMeetings(
  db: Db,
  communityId: string,
  actorId: string | null,
  filter: MeetingListFilter,
) {
  const shape = shapeOf('community', 'anyone', actorId !== null, filter);
  const { page, nextCursor } = await runList(db, shape, filter, { actorId, communityId });
  return { rows: page, nextCursor };
}
export type MeetingCardRow = Awaited<ReturnType<typeof listCommunityMeetings>>['rows'][number];

/**
 * A person's calendar: the meetings of the communities they belong to, and any other meeting they
 * answered (going, maybe or waiting) in a community they may still see; upcoming or past, one page.
 */
export async function listCalendar(db: Db, actor: Actor, filter: MeetingListFilter) {
  const shape = shapeOf('calendar', scopeOf(actor), true, filter);
  const { page, nextCursor } = await runList(db, shape, filter, { actorId: actor.id, communityId: null });
  return { rows: page, nextCursor };
}
