import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { meetingSeries, meetings } from '../db/schema/index.ts';
import type { MeetingDetails } from './meetings.ts';

/** A series' rule as written: the RRULE, the first local start, its zone and the dates skipped. */
export interface SeriesRule {
  rrule: string;
  firstStart: string;
  timeZone: string;
  exceptions: string[];
}

/** Adds a series to a community; answers its id. */
export async function insertMeetingSeries(
  db: Db,
  series: SeriesRule & { communityId: string },
): Promise<string | undefined> {
  const [row] = await db.insert(meetingSeries).values(series).returning({ id: meetingSeries.id });
  return row?.id;
}

/** A series by id (undefined: no such series). */
export async function findMeetingSeriesById(db: Db, id: string) {
  const [row] = await db.select().from(meetingSeries).where(eq(meetingSeries.id, id));
  return row;
}

/** Changes a series' rule (the parts given). */
export async function updateMeetingSeries(db: Db, id: string, change: Partial<SeriesRule>): Promise<void> {
  await db.update(meetingSeries).set(change).where(eq(meetingSeries.id, id));
}

/** The occurrences of a series from `from` (by original start) on, in that order. */
export async function listOccurrencesFrom(db: Db, seriesId: string, from: Date) {
  return db
    .select({ id: meetings.id, startsAt: meetings.startsAt, timeZone: meetings.timeZone })
    .from(meetings)
    .where(and(eq(meetings.seriesId, seriesId), gte(meetings.originalStart, from)))
    .orderBy(asc(meetings.originalStart));
}

/** How many occurrences of a series were due before `before` (by original start). */
export async function countOccurrencesBefore(db: Db, seriesId: string, before: Date): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(meetings)
    .where(and(eq(meetings.seriesId, seriesId), lt(meetings.originalStart, before)));
  return row?.count ?? 0;
}

/**
 * Moves occurrences into `seriesId` at new times, each with the same details and zone, in one
 * statement (a VALUES list of id, start and end): they become plain occurrences of the series again,
 * cancelled ones staying exceptions, and calendars are told (sequence).
 */
export async function updateOccurrences(
  db: Db,
  occurrences: { id: string; startsAt: Date; endsAt: Date }[],
  change: { details: MeetingDetails; seriesId: string; timeZone: string },
): Promise<void> {
  const values = sql.join(
    occurrences.map(
      (row) =>
        sql`(${row.id}::uuid, ${row.startsAt.toISOString()}::timestamptz, ${row.endsAt.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  await db
    .update(meetings)
    .set({
      ...change.details,
      seriesId: change.seriesId,
      startsAt: sql`v.starts_at`,
      endsAt: sql`v.ends_at`,
      originalStart: sql`v.starts_at`,
      timeZone: change.timeZone,
      // Following meetings become plain occurrences of their series again; cancelled ones stay exceptions.
      detached: sql`${meetings.status} = 'cancelled'`,
      sequence: sql`${meetings.sequence} + 1`,
      updatedAt: sql`now()`,
    })
    .from(sql`(values ${values}) as v(id, starts_at, ends_at)`)
    .where(sql`${meetings.id} = v.id`);
}
