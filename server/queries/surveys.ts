import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  communities,
  communityMembers,
  surveyInvitees,
  surveyQuestions,
  surveyResponses,
  surveyRounds,
  surveys,
  users,
} from '../db/schema/index.ts';
import { suspendedIn } from './communities.ts';
import { rowsOf } from './raw-rows.ts';

/** Check-in surveys (#16 §2): the survey, its questions, its rounds and who each round asked. */

export type SurveyRow = typeof surveys.$inferSelect;
export type SurveyQuestionRow = typeof surveyQuestions.$inferSelect;
export type SurveyRoundRow = typeof surveyRounds.$inferSelect;

/** Adds a survey; answers its row. */
export async function insertSurvey(db: Db, values: typeof surveys.$inferInsert): Promise<SurveyRow> {
  const [row] = await db.insert(surveys).values(values).returning();
  if (!row) throw new Error('insertSurvey wrote nothing');
  return row;
}

/** Adds a survey's questions in order, in one statement. */
export async function insertSurveyQuestions(
  db: Db,
  surveyId: string,
  questions: { kind: SurveyQuestionRow['kind']; prompt: string; options: string[]; required: boolean }[],
): Promise<void> {
  await db.insert(surveyQuestions).values(questions.map((q, position) => ({ ...q, surveyId, position })));
}

/** Adds a round (none when that number exists already: the job may run twice); answers it or undefined. */
export async function insertSurveyRound(
  db: Db,
  values: { surveyId: string; number: number; opensAt: Date; closesAt: Date },
): Promise<SurveyRoundRow | undefined> {
  const [row] = await db.insert(surveyRounds).values(values).onConflictDoNothing().returning();
  return row;
}

/** A survey by id (locked for the rest of the transaction with `lock`). */
export async function findSurvey(db: Db, surveyId: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(surveys).where(eq(surveys.id, surveyId));
  const [row] = await (options.lock ? query.for('update') : query);
  return row;
}

/** A survey's questions, in order. */
export async function listSurveyQuestions(db: Db, surveyId: string): Promise<SurveyQuestionRow[]> {
  return db
    .select()
    .from(surveyQuestions)
    .where(eq(surveyQuestions.surveyId, surveyId))
    .orderBy(asc(surveyQuestions.position));
}

/** A survey's rounds, oldest first. */
export async function listSurveyRounds(db: Db, surveyId: string): Promise<SurveyRoundRow[]> {
  return db
    .select()
    .from(surveyRounds)
    .where(eq(surveyRounds.surveyId, surveyId))
    .orderBy(asc(surveyRounds.number));
}

/**
 * Where the actor stands in a survey, in one statement: the latest round that has opened, the next one
 * not opened yet (when written), whether the actor was asked in the latest round and answered it, and
 * whether they were asked in any round.
 */
export async function findSurveyStanding(db: Db, surveyId: string, userId: string) {
  const result = await db.execute(sql`
    select
      (select to_jsonb(r) from ${surveyRounds} r where r.survey_id = ${surveyId} and r.opens_at <= now()
        order by r.number desc limit 1) as latest,
      (select min(r.opens_at) from ${surveyRounds} r where r.survey_id = ${surveyId} and r.opens_at > now()) as upcoming,
      (select max(r.number) from ${surveyRounds} r where r.survey_id = ${surveyId}) as rounds,
      exists (select 1 from ${surveyInvitees} i join ${surveyRounds} r on r.id = i.round_id
        where r.survey_id = ${surveyId} and i.user_id = ${userId}) as invited_ever`);
  const [row] = rowsOf<{
    latest: Record<string, unknown> | null;
    upcoming: string | Date | null;
    rounds: number | null;
    invited_ever: boolean;
  }>(result);
  const latest = row?.latest ? roundFromJson(row.latest) : null;
  const invitee = latest ? await findSurveyInvitee(db, latest.id, userId) : undefined;
  return {
    latest,
    upcoming: row?.upcoming ? new Date(row.upcoming) : null,
    roundCount: Number(row?.rounds ?? 0),
    invitedEver: row?.invited_ever === true,
    invited: invitee !== undefined,
    answered: invitee?.answeredAt != null,
  };
}

/** A round row from `to_jsonb` (snake_case keys, times as text). */
function roundFromJson(json: Record<string, unknown>): SurveyRoundRow {
  const time = (value: unknown) => (value ? new Date(String(value)) : null);
  return {
    id: String(json.id),
    surveyId: String(json.survey_id),
    number: Number(json.number),
    opensAt: new Date(String(json.opens_at)),
    closesAt: new Date(String(json.closes_at)),
    closedAt: time(json.closed_at),
    announcedAt: time(json.announced_at),
    inviteeCount: Number(json.invitee_count),
    responseCount: Number(json.response_count),
    answersVersion: Number(json.answers_version),
    snapshot: (json.snapshot ?? null) as SurveyRoundRow['snapshot'],
  };
}

/** A round by id, locked for the rest of the transaction (answers are stored under it). */
export async function lockSurveyRound(db: Db, roundId: string): Promise<SurveyRoundRow | undefined> {
  const [row] = await db.select().from(surveyRounds).where(eq(surveyRounds.id, roundId)).for('update');
  return row;
}

/** The actor's row among a round's invitees. */
export async function findSurveyInvitee(db: Db, roundId: string, userId: string) {
  const [row] = await db
    .select({ answeredAt: surveyInvitees.answeredAt })
    .from(surveyInvitees)
    .where(and(eq(surveyInvitees.roundId, roundId), eq(surveyInvitees.userId, userId)));
  return row;
}

/**
 * Claims a round's announcement (sets `announcedAt` once): true the first time. The creation and the job
 * both try; only one fixes the invitees and tells them.
 */
export async function claimRoundAnnouncement(db: Db, roundId: string): Promise<boolean> {
  const rows = await db
    .update(surveyRounds)
    .set({ announcedAt: sql`now()` })
    .where(and(eq(surveyRounds.id, roundId), isNull(surveyRounds.announcedAt)))
    .returning({ id: surveyRounds.id });
  return rows.length > 0;
}

/**
 * Fixes who a round asks: the community's members whose accounts are active, in one statement; sets the
 * round's count. Answers their ids.
 */
export async function insertSurveyInvitees(db: Db, roundId: string, communityId: string): Promise<string[]> {
  const result = await db.execute(sql`insert into ${surveyInvitees} (round_id, user_id)
    select ${roundId}::uuid, m.user_id from ${communityMembers} m join ${users} u on u.id = m.user_id
    where m.community_id = ${communityId} and u.suspended_at is null and not m.project_only
    on conflict do nothing
    returning user_id`);
  const ids = rowsOf<{ user_id: string }>(result).map((row) => row.user_id);
  await db.update(surveyRounds).set({ inviteeCount: ids.length }).where(eq(surveyRounds.id, roundId));
  return ids;
}

/**
 * Marks an invitee as having answered; true the first time (and the round counts one more response).
 * For an anonymous survey only the day is kept, so the time does not point at the response.
 */
export async function markSurveyInviteeAnswered(
  db: Db,
  roundId: string,
  userId: string,
  coarse: boolean,
): Promise<boolean> {
  const rows = await db
    .update(surveyInvitees)
    .set({
      answeredAt: coarse ? sql`date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'` : sql`now()`,
    })
    .where(
      and(
        eq(surveyInvitees.roundId, roundId),
        eq(surveyInvitees.userId, userId),
        isNull(surveyInvitees.answeredAt),
      ),
    )
    .returning({ userId: surveyInvitees.userId });
  if (rows.length === 0) return false;
  await db
    .update(surveyRounds)
    .set({ responseCount: sql`${surveyRounds.responseCount} + 1` })
    .where(eq(surveyRounds.id, roundId));
  return true;
}

/** Counts one more change to a round's named answers (the results cached for the earlier version go stale). */
export async function bumpRoundAnswersVersion(db: Db, roundId: string): Promise<void> {
  await db
    .update(surveyRounds)
    .set({ answersVersion: sql`${surveyRounds.answersVersion} + 1` })
    .where(eq(surveyRounds.id, roundId));
}

/** Closes a round now (false when it was closed already or its time is up). */
export async function closeSurveyRoundNow(db: Db, roundId: string): Promise<boolean> {
  const rows = await db
    .update(surveyRounds)
    .set({ closedAt: sql`now()` })
    .where(
      and(eq(surveyRounds.id, roundId), isNull(surveyRounds.closedAt), sql`${surveyRounds.closesAt} > now()`),
    )
    .returning({ id: surveyRounds.id });
  return rows.length > 0;
}

/** Stops a survey (no more rounds); its rounds not opened yet are removed. False when already stopped. */
export async function stopSurvey(db: Db, surveyId: string): Promise<boolean> {
  const rows = await db
    .update(surveys)
    .set({ closedAt: sql`now()` })
    .where(and(eq(surveys.id, surveyId), isNull(surveys.closedAt)))
    .returning({ id: surveys.id });
  if (rows.length === 0) return false;
  await deleteRoundsNotOpened(db, surveyId);
  return true;
}

/** Removes a survey's rounds that have not opened yet. */
export async function deleteRoundsNotOpened(db: Db, surveyId: string): Promise<void> {
  await db
    .delete(surveyRounds)
    .where(and(eq(surveyRounds.surveyId, surveyId), sql`${surveyRounds.opensAt} > now()`));
}

/** The round columns every list shows, for the latest round of `s` that has opened. */
const latestRound = sql`(select to_jsonb(r) from ${surveyRounds} r where r.survey_id = ${surveys.id}
  and r.opens_at <= now() order by r.number desc limit 1)`;
const upcomingRound = sql`(select min(r.opens_at) from ${surveyRounds} r where r.survey_id = ${surveys.id}
  and r.opens_at > now())`;

/**
 * A community's surveys, newest first, at most `limit`: all of them (for those who oversee them), or
 * only those that asked `userId` in some round. Each with its latest opened round and whether `userId`
 * was asked in it and answered.
 */
export async function listCommunitySurveys(
  db: Db,
  communityId: string,
  userId: string,
  options: { all: boolean; limit: number },
) {
  const askedEver = sql`exists (select 1 from ${surveyInvitees} i join ${surveyRounds} r on r.id = i.round_id
    where r.survey_id = ${surveys.id} and i.user_id = ${userId})`;
  const rows = await db
    .select({
      survey: surveys,
      latest: sql<Record<string, unknown> | null>`${latestRound}`,
      upcoming: sql<string | null>`${upcomingRound}`,
    })
    .from(surveys)
    .where(and(eq(surveys.communityId, communityId), options.all ? sql`true` : askedEver))
    .orderBy(desc(surveys.createdAt), desc(surveys.id))
    .limit(options.limit);
  const roundIds = rows.flatMap((row) => (row.latest ? [String(row.latest.id)] : []));
  const mine =
    roundIds.length === 0
      ? []
      : await db
          .select({ roundId: surveyInvitees.roundId, answeredAt: surveyInvitees.answeredAt })
          .from(surveyInvitees)
          .where(
            and(
              eq(surveyInvitees.userId, userId),
              sql`${surveyInvitees.roundId} in (${sql.join(
                roundIds.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`,
            ),
          );
  const standing = new Map(mine.map((row) => [row.roundId, row.answeredAt]));
  return rows.map((row) => {
    const latest = row.latest ? roundFromJson(row.latest) : null;
    return {
      survey: row.survey,
      latest,
      upcoming: row.upcoming ? new Date(row.upcoming) : null,
      invited: latest !== null && standing.has(latest.id),
      answered: latest !== null && standing.get(latest.id) != null,
    };
  });
}

/**
 * The open check-ins that asked this person in all their communities (for the home page), closing
 * soonest first: not in archived communities, only where they are still a member who is not suspended.
 */
export async function listOpenSurveysForPerson(db: Db, userId: string, limit: number) {
  return db
    .select({
      survey: surveys,
      closesAt: surveyRounds.closesAt,
      answeredAt: surveyInvitees.answeredAt,
      communityName: communities.name,
      communitySlug: communities.slug,
    })
    .from(surveyInvitees)
    .innerJoin(surveyRounds, eq(surveyRounds.id, surveyInvitees.roundId))
    .innerJoin(surveys, eq(surveys.id, surveyRounds.surveyId))
    .innerJoin(communities, eq(communities.id, surveys.communityId))
    .innerJoin(
      communityMembers,
      and(eq(communityMembers.communityId, surveys.communityId), eq(communityMembers.userId, userId)),
    )
    .where(
      and(
        eq(surveyInvitees.userId, userId),
        isNull(surveyRounds.closedAt),
        isNull(surveys.closedAt),
        sql`${surveyRounds.opensAt} <= now() and ${surveyRounds.closesAt} > now()`,
        sql`${communities.stage} <> 'archived'`,
        sql`not ${suspendedIn(sql`${surveys.communityId}`, userId)}`,
      ),
    )
    .orderBy(asc(surveyRounds.closesAt), asc(surveys.id))
    .limit(limit);
}

/** Whether this person has a response (named) to the round, and its answers. */
export async function findNamedResponse(db: Db, roundId: string, userId: string) {
  const [row] = await db
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.roundId, roundId), eq(surveyResponses.userId, userId)));
  return row;
}

/** A round by id. */
export async function findSurveyRound(db: Db, roundId: string): Promise<SurveyRoundRow | undefined> {
  const [row] = await db.select().from(surveyRounds).where(eq(surveyRounds.id, roundId));
  return row;
}

/** The name and address of a survey's community (for notifications and lists). */
export async function findSurveyCommunity(db: Db, communityId: string) {
  const [row] = await db
    .select({ name: communities.name, slug: communities.slug })
    .from(communities)
    .where(eq(communities.id, communityId));
  return row;
}

/** A survey row from `to_jsonb` (snake_case keys, times as text). */
function surveyFromJson(json: Record<string, unknown>): SurveyRow {
  return {
    id: String(json.id),
    communityId: String(json.community_id),
    authorId: json.author_id ? String(json.author_id) : null,
    title: String(json.title),
    intro: String(json.intro),
    anonymous: json.anonymous === true,
    shareResults: json.share_results === true,
    recurrence: json.recurrence as SurveyRow['recurrence'],
    everyWeeks: json.every_weeks === null ? null : Number(json.every_weeks),
    opensAt: new Date(String(json.opens_at)),
    closesAt: new Date(String(json.closes_at)),
    closedAt: json.closed_at ? new Date(String(json.closed_at)) : null,
    createdAt: new Date(String(json.created_at)),
  };
}

/**
 * Everything the results page reads about a survey, in one statement: the survey, its rounds, its
 * questions, the published proposals and the rounds that asked `userId` (with when they answered).
 */
export async function findSurveyBundle(db: Db, surveyId: string, userId: string) {
  const result = await db.execute(sql`
    select to_jsonb(s) as survey,
      coalesce((select jsonb_agg(to_jsonb(r) order by r.number) from ${surveyRounds} r
        where r.survey_id = s.id), '[]') as rounds,
      coalesce((select jsonb_agg(to_jsonb(q) order by q.position) from ${surveyQuestions} q
        where q.survey_id = s.id), '[]') as questions,
      coalesce((select jsonb_agg(jsonb_build_object('roundId', p.round_id, 'questionId', p.question_id,
          'position', p.position, 'label', p.label) order by p.position)
        from survey_proposals p join ${surveyRounds} r on r.id = p.round_id
        where r.survey_id = s.id and p.published), '[]') as proposals,
      coalesce((select jsonb_agg(jsonb_build_object('roundId', i.round_id, 'answeredAt', i.answered_at))
        from ${surveyInvitees} i join ${surveyRounds} r on r.id = i.round_id
        where r.survey_id = s.id and i.user_id = ${userId}), '[]') as mine
    from ${surveys} s where s.id = ${surveyId}`);
  const [row] = rowsOf<{
    survey: Record<string, unknown>;
    rounds: Record<string, unknown>[];
    questions: Record<string, unknown>[];
    proposals: { roundId: string; questionId: string; position: number; label: string }[];
    mine: { roundId: string; answeredAt: string | null }[];
  }>(result);
  if (!row) return undefined;
  return {
    survey: surveyFromJson(row.survey),
    rounds: row.rounds.map(roundFromJson),
    questions: row.questions.map(
      (q): SurveyQuestionRow => ({
        id: String(q.id),
        surveyId: String(q.survey_id),
        position: Number(q.position),
        kind: q.kind as SurveyQuestionRow['kind'],
        prompt: String(q.prompt),
        options: (q.options ?? []) as string[],
        required: q.required === true,
      }),
    ),
    proposals: row.proposals,
    mine: row.mine,
  };
}
