import { and, desc, eq, inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { MentoringPairStatus, MentoringSide } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { mentoringNotes, mentoringOffers, mentoringPairs, units, users } from '../db/schema/index.ts';
import { exactTimestamp, pageOf, rowsAfter } from './keyset.ts';
import { rowsOf } from './raw-rows.ts';

/**
 * Mentoring (#18 §2): offers, suggestions, pairings and a pair's notes. Every read is one statement
 * through an index: offers by (person, side) and by skill (GIN), pairings by mentor or mentee, notes by
 * (pair, time).
 */

/** A text[] literal of `values` ('{}' when empty). */
export function textArray(values: readonly string[]): SQL {
  if (values.length === 0) return sql`'{}'::text[]`;
  return sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;
}

/** A person as mentoring shows them: name, unit and photo. */
export const personJson = (id: SQLWrapper) => sql<PersonRef>`(select json_build_object(
    'id', p.id, 'displayName', p.display_name, 'unit', pu.name, 'photoPath', p.photo_path,
    'updatedAt', p.updated_at)
  from ${users} p left join ${units} pu on pu.id = p.unit_id where p.id = ${id})`;

export interface PersonRef {
  id: string;
  displayName: string;
  unit: string | null;
  photoPath: string | null;
  updatedAt: string;
}

/** The skills among `skills` that nobody has as expertise (one probe of the GIN index each). */
export async function findUnknownSkills(db: Db, skills: readonly string[]): Promise<string[]> {
  if (skills.length === 0) return [];
  const result = await db.execute(sql`select s.skill from unnest(${textArray(skills)}) as s(skill)
    where not exists (select 1 from ${users} u where u.expertise @> array[s.skill]::text[])`);
  return rowsOf<{ skill: string }>(result).map((row) => row.skill);
}

/** The expertise tags people have (not suspended), most common first: the skills picker. */
export async function listExpertiseSkills(db: Db, limit = 300) {
  const skill = sql<string>`tag`;
  return db
    .select({ skill, people: sql<number>`count(*)::int` })
    .from(sql`${users}, unnest(${users.expertise}) as tag`)
    .where(sql`${users.suspendedAt} is null`)
    .groupBy(skill)
    .orderBy(sql`count(*) desc`, skill)
    .limit(limit);
}

export async function listOffersOf(db: Db, userId: string) {
  return db.select().from(mentoringOffers).where(eq(mentoringOffers.userId, userId));
}

export type MentoringOfferRow = typeof mentoringOffers.$inferSelect;

/** The offer row; `lockOffer` locks it (the cap and the count of mentees are checked and changed under it). */
export async function findOffer(db: Db, userId: string, side: MentoringSide, lock = false) {
  const query = db
    .select()
    .from(mentoringOffers)
    .where(and(eq(mentoringOffers.userId, userId), eq(mentoringOffers.side, side)));
  const [row] = await (lock ? query.for('update') : query);
  return row ?? null;
}

export const lockOffer = (db: Db, userId: string, side: MentoringSide) => findOffer(db, userId, side, true);

export interface OfferValues {
  userId: string;
  side: MentoringSide;
  skills: string[];
  availability: string;
  weekly: string[];
  cap: number | null;
  active: boolean;
}

export async function upsertOffer(db: Db, values: OfferValues) {
  const { userId, side, ...rest } = values;
  await db
    .insert(mentoringOffers)
    .values(values)
    .onConflictDoUpdate({
      target: [mentoringOffers.userId, mentoringOffers.side],
      set: { ...rest, updatedAt: new Date() },
    });
}

export async function deleteOffer(db: Db, userId: string, side: MentoringSide) {
  await db
    .delete(mentoringOffers)
    .where(and(eq(mentoringOffers.userId, userId), eq(mentoringOffers.side, side)));
}

export async function changeActiveCount(db: Db, userId: string, by: 1 | -1) {
  await db
    .update(mentoringOffers)
    .set({ activeCount: sql`greatest(0, ${mentoringOffers.activeCount} + ${by})` })
    .where(and(eq(mentoringOffers.userId, userId), eq(mentoringOffers.side, 'mentor')));
}

export interface SuggestionRow {
  id: string;
  displayName: string;
  unit: string | null;
  photoPath: string | null;
  updatedAt: string;
  shared: string[];
  otherUnit: boolean;
  openPlaces: number;
  availability: string;
  weekly: string[];
  pending: boolean;
}

/**
 * Mentors for a mentee's wish, in one statement (the mentee's unit and wish read in it too): active
 * mentor offers sharing a skill (the GIN index on skills), below their cap, not the mentee, not
 * suspended; most shared skills first, then from another unit than the mentee's, then the fewest mentees.
 * No wish: no rows.
 */
export async function suggestMentors(db: Db, menteeId: string, limit: number): Promise<SuggestionRow[]> {
  const result = await db.execute(sql`with me as (
      select w.skills, u.unit_id from ${mentoringOffers} w join ${users} u on u.id = w.user_id
      where w.user_id = ${menteeId} and w.side = 'mentee'
    ), candidates as (
      select o.user_id, o.availability, o.weekly, o.cap, o.active_count,
        array(select s from unnest(o.skills) s where s = any(me.skills)) as shared,
        (u.unit_id is not null and u.unit_id is distinct from me.unit_id) as other_unit,
        u.display_name, u.photo_path, u.updated_at, u.unit_id
      from me, ${mentoringOffers} o join ${users} u on u.id = o.user_id
      where o.side = 'mentor' and o.active and o.skills && me.skills and o.active_count < o.cap
        and o.user_id <> ${menteeId} and u.suspended_at is null
    )
    select c.user_id as id, c.display_name as "displayName", un.name as unit, c.photo_path as "photoPath",
      to_char(c.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt", c.shared, c.other_unit as "otherUnit",
      (c.cap - c.active_count)::int as "openPlaces", c.availability, c.weekly,
      exists (select 1 from ${mentoringPairs} mp where mp.mentor_id = c.user_id and mp.mentee_id = ${menteeId}
        and mp.status in ('requested', 'active')) as pending
    from candidates c left join ${units} un on un.id = c.unit_id
    order by cardinality(c.shared) desc, c.other_unit desc, c.active_count, c.display_name
    limit ${limit}`);
  return rowsOf<SuggestionRow>(result);
}

export async function insertPair(
  db: Db,
  values: { mentorId: string; menteeId: string; skills: string[]; message: string },
) {
  const [row] = await db
    .insert(mentoringPairs)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: mentoringPairs.id });
  return row?.id ?? null;
}

const pairColumns = {
  id: mentoringPairs.id,
  mentorId: mentoringPairs.mentorId,
  menteeId: mentoringPairs.menteeId,
  status: mentoringPairs.status,
  skills: mentoringPairs.skills,
  message: mentoringPairs.message,
  requestedAt: mentoringPairs.requestedAt,
  answeredAt: mentoringPairs.answeredAt,
  closedAt: mentoringPairs.closedAt,
  closedBy: mentoringPairs.closedBy,
  reflection: mentoringPairs.reflection,
  meetingAt: mentoringPairs.meetingAt,
  meetingMinutes: mentoringPairs.meetingMinutes,
  meetingPlace: mentoringPairs.meetingPlace,
  meetingUrl: mentoringPairs.meetingUrl,
  mentor: personJson(mentoringPairs.mentorId),
  mentee: personJson(mentoringPairs.menteeId),
};

export type PairRow = Awaited<ReturnType<typeof findPair>> & {};

/** A pairing with both people; `lock` takes its row for update. */
export async function findPair(db: Db, id: string, lock = false) {
  const query = db.select(pairColumns).from(mentoringPairs).where(eq(mentoringPairs.id, id));
  const [row] = await (lock ? query.for('update', { of: mentoringPairs }) : query);
  return row ?? null;
}

/** A person's pairings on either side: open ones, then the 20 last closed or declined. */
export async function listPairsOf(db: Db, userId: string) {
  const open: MentoringPairStatus[] = ['requested', 'active'];
  const either = (statuses: SQL, limit: number) =>
    db
      .select(pairColumns)
      .from(mentoringPairs)
      .where(
        and(
          sql`(${mentoringPairs.mentorId} = ${userId} or ${mentoringPairs.menteeId} = ${userId})`,
          statuses,
        ),
      )
      .orderBy(desc(mentoringPairs.requestedAt))
      .limit(limit);
  const current = await either(inArray(mentoringPairs.status, open), 100);
  const past = await either(inArray(mentoringPairs.status, ['closed', 'declined']), 20);
  return [...current, ...past];
}

export async function updatePair(db: Db, id: string, values: Partial<typeof mentoringPairs.$inferInsert>) {
  await db.update(mentoringPairs).set(values).where(eq(mentoringPairs.id, id));
}

/** Coordinators: the active pairings (that they exist: who, since when). */
export async function listActivePairings(db: Db, limit = 200) {
  return db
    .select({
      id: mentoringPairs.id,
      mentor: personJson(mentoringPairs.mentorId),
      mentee: personJson(mentoringPairs.menteeId),
      since: mentoringPairs.answeredAt,
    })
    .from(mentoringPairs)
    .where(eq(mentoringPairs.status, 'active'))
    .orderBy(desc(mentoringPairs.answeredAt))
    .limit(limit);
}

export async function insertNote(db: Db, values: { pairId: string; authorId: string; body: string }) {
  const [row] = await db.insert(mentoringNotes).values(values).returning({ id: mentoringNotes.id });
  return row?.id ?? '';
}

/** A pair's notes, newest first, one page (keyset on time and id). */
export async function listNotes(
  db: Db,
  pairId: string,
  filter: { cursor?: string | undefined; limit: number },
) {
  const rows = await db
    .select({
      id: mentoringNotes.id,
      body: mentoringNotes.body,
      createdAt: mentoringNotes.createdAt,
      createdAtExact: exactTimestamp(mentoringNotes.createdAt),
      author: sql<PersonRef | null>`case when ${mentoringNotes.authorId} is null then null else ${personJson(mentoringNotes.authorId)} end`,
    })
    .from(mentoringNotes)
    .where(
      and(
        eq(mentoringNotes.pairId, pairId),
        rowsAfter(mentoringNotes.createdAt, mentoringNotes.id, filter.cursor),
      ),
    )
    .orderBy(desc(mentoringNotes.createdAt), desc(mentoringNotes.id))
    .limit(filter.limit + 1);
  return pageOf(rows, filter.limit, (row) => ({ at: row.createdAtExact, id: row.id }));
}
