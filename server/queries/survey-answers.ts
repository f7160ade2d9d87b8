import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  type SurveySnapshot,
  surveyAnswers,
  surveyProposals,
  surveyResponses,
  surveyRounds,
} from '../db/schema/index.ts';
import { rowsOf } from './raw-rows.ts';

/** The responses to check-in surveys, their answers, members' proposals and the results (#16 §2). */

export interface StoredAnswer {
  questionId: string;
  choice: number | null;
  choices: number[] | null;
  text: string | null;
}

/** Writes (or finds) a person's named response to a round and clears its earlier answers; answers its id. */
export async function upsertNamedResponse(db: Db, roundId: string, userId: string): Promise<string> {
  const [row] = await db
    .insert(surveyResponses)
    .values({ roundId, userId, answeredAt: sql`now()` })
    .onConflictDoUpdate({
      target: [surveyResponses.roundId, surveyResponses.userId],
      set: { answeredAt: sql`now()` },
    })
    .returning({ id: surveyResponses.id });
  if (!row) throw new Error('upsertNamedResponse wrote nothing');
  await db.delete(surveyAnswers).where(eq(surveyAnswers.responseId, row.id));
  return row.id;
}

/** Adds an anonymous response (no person, only the day); answers its id. */
export async function insertAnonymousResponse(db: Db, roundId: string): Promise<string> {
  const [row] = await db.insert(surveyResponses).values({ roundId }).returning({ id: surveyResponses.id });
  if (!row) throw new Error('insertAnonymousResponse wrote nothing');
  return row.id;
}

/** Stores a response's answers, in one statement. */
export async function insertSurveyAnswers(
  db: Db,
  responseId: string,
  roundId: string,
  answers: StoredAnswer[],
): Promise<void> {
  if (answers.length === 0) return;
  await db.insert(surveyAnswers).values(answers.map((answer) => ({ ...answer, responseId, roundId })));
}

/** A person's named answers to a round. */
export async function listNamedAnswers(db: Db, roundId: string, userId: string): Promise<StoredAnswer[]> {
  return db
    .select({
      questionId: surveyAnswers.questionId,
      choice: surveyAnswers.choice,
      choices: surveyAnswers.choices,
      text: surveyAnswers.text,
    })
    .from(surveyAnswers)
    .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
    .where(and(eq(surveyResponses.roundId, roundId), eq(surveyResponses.userId, userId)));
}

/** A round's proposals for its focus_next questions, in order (only the published ones with `published`). */
export async function listRoundProposals(db: Db, roundIds: string[], options: { publishedOnly: boolean }) {
  if (roundIds.length === 0) return [];
  return db
    .select({
      roundId: surveyProposals.roundId,
      questionId: surveyProposals.questionId,
      position: surveyProposals.position,
      label: surveyProposals.label,
    })
    .from(surveyProposals)
    .where(
      and(
        sql`${surveyProposals.roundId} in (${sql.join(
          roundIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
        options.publishedOnly ? eq(surveyProposals.published, true) : sql`true`,
      ),
    )
    .orderBy(asc(surveyProposals.position));
}

/**
 * Adds a member's proposal to a focus_next question in a round (call under the round's lock), or finds
 * the same words proposed before (any case); answers its option index. `first` is the index of the
 * first proposal: the number of the leader's own options.
 */
export async function addSurveyProposal(
  db: Db,
  proposal: { roundId: string; questionId: string; label: string; published: boolean; first: number },
): Promise<number> {
  const [same] = await db
    .select({ position: surveyProposals.position })
    .from(surveyProposals)
    .where(
      and(
        eq(surveyProposals.roundId, proposal.roundId),
        eq(surveyProposals.questionId, proposal.questionId),
        sql`lower(${surveyProposals.label}) = lower(${proposal.label})`,
      ),
    );
  if (same) return same.position;
  const result =
    await db.execute(sql`insert into ${surveyProposals} (round_id, question_id, position, label, published)
    select ${proposal.roundId}::uuid, ${proposal.questionId}::uuid,
      greatest(${proposal.first}::int, coalesce(max(p.position) + 1, 0)), ${proposal.label}, ${proposal.published}
    from ${surveyProposals} p where p.round_id = ${proposal.roundId} and p.question_id = ${proposal.questionId}
    returning position`);
  const [row] = rowsOf<{ position: number }>(result);
  return Number(row?.position ?? proposal.first);
}

/** Publishes a round's proposals (an anonymous round, as its results are published). */
export async function publishRoundProposals(db: Db, roundId: string): Promise<void> {
  await db
    .update(surveyProposals)
    .set({ published: true })
    .where(and(eq(surveyProposals.roundId, roundId), eq(surveyProposals.published, false)));
}

/** Counts a round's responses (anonymous: the number stored, to publish at every fifth). */
export async function countRoundResponses(db: Db, roundId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(eq(surveyResponses.roundId, roundId));
  return row?.n ?? 0;
}

/** One line of the aggregation: per round, question and option (-1: the number of answers). */
export interface AnswerTally {
  roundId: string;
  questionId: string;
  option: number;
  count: number;
  /** Ranking: the sum of the positions (1 = first) the option got. */
  positionSum: number;
}

/**
 * The counts behind the results of several rounds, in one statement over the (round, question) index:
 * how many answered each question, how often each value or option was chosen and, for rankings, the
 * sum of the positions each option got.
 */
export async function tallyRoundAnswers(db: Db, roundIds: string[]): Promise<AnswerTally[]> {
  if (roundIds.length === 0) return [];
  const rounds = sql`array[${sql.join(
    roundIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
  const result = await db.execute(sql`
    select a.round_id, a.question_id, -1 as option, count(*)::int as n, 0 as position_sum
      from ${surveyAnswers} a where a.round_id = any(${rounds}) group by 1, 2
    union all
    select a.round_id, a.question_id, a.choice, count(*)::int, 0
      from ${surveyAnswers} a where a.round_id = any(${rounds}) and a.choice is not null group by 1, 2, 3
    union all
    select a.round_id, a.question_id, u.option, count(*)::int, sum(u.position)::int
      from ${surveyAnswers} a cross join lateral unnest(a.choices) with ordinality as u(option, position)
      where a.round_id = any(${rounds}) and a.choices is not null group by 1, 2, 3`);
  return rowsOf<{ round_id: string; question_id: string; option: number; n: number; position_sum: number }>(
    result,
  ).map((row) => ({
    roundId: row.round_id,
    questionId: row.question_id,
    option: Number(row.option),
    count: Number(row.n),
    positionSum: Number(row.position_sum),
  }));
}

/**
 * A round's free-text answers per question, alphabetical, at most `limit` per question (with how many
 * there are), only those containing `search` when given (any case).
 */
export async function listRoundTexts(db: Db, roundId: string, options: { search?: string; limit: number }) {
  const pattern = options.search ? `%${options.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const result = await db.execute(sql`
    select question_id, text, total from (
      select a.question_id, a.text, count(*) over (partition by a.question_id)::int as total,
        row_number() over (partition by a.question_id order by a.text, a.response_id) as n
      from ${surveyAnswers} a
      where a.round_id = ${roundId} and a.text is not null
        ${pattern ? sql`and a.text ilike ${pattern}` : sql``}
    ) t where n <= ${options.limit} order by question_id, text`);
  return rowsOf<{ question_id: string; text: string; total: number }>(result).map((row) => ({
    questionId: row.question_id,
    text: row.text,
    total: Number(row.total),
  }));
}

/** Publishes an anonymous round's results. */
export async function updateRoundSnapshot(db: Db, roundId: string, snapshot: SurveySnapshot): Promise<void> {
  await db.update(surveyRounds).set({ snapshot }).where(eq(surveyRounds.id, roundId));
}
