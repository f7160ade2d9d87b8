import type { Db } from '../../db/client.ts';
import type { SurveyQuestionSummary, SurveySnapshot } from '../../db/schema/surveys.ts';
import { type AnswerTally, listRoundTexts, tallyRoundAnswers } from '../../queries/survey-answers.ts';
import type { SurveyQuestionRow } from '../../queries/surveys.ts';

/** Most free-text answers per question kept in a published snapshot. */
export const textLimit = 500;
/** Most free-text answers per question on a results page (with how many there are; a search finds others). */
export const pageTextLimit = 100;

/** Per round and question: the tallies, turned into counts per option and ranking position sums. */
export function summariesFrom(
  tallies: AnswerTally[],
  questions: Pick<SurveyQuestionRow, 'id' | 'kind' | 'options'>[],
  optionCounts: (roundId: string, question: Pick<SurveyQuestionRow, 'id' | 'kind' | 'options'>) => number,
): Map<string, Map<string, SurveyQuestionSummary>> {
  const byRound = new Map<string, Map<string, SurveyQuestionSummary>>();
  const summaryOf = (roundId: string, questionId: string) => {
    let round = byRound.get(roundId);
    if (!round) {
      round = new Map();
      byRound.set(roundId, round);
    }
    let summary = round.get(questionId);
    if (!summary) {
      const question = questions.find((q) => q.id === questionId);
      const size = question ? optionCounts(roundId, question) : 0;
      summary = {
        questionId,
        answers: 0,
        counts: Array.from({ length: size }, () => 0),
        positionSums: Array.from({ length: size }, () => 0),
        texts: [],
      };
      round.set(questionId, summary);
    }
    return summary;
  };
  for (const tally of tallies) {
    const summary = summaryOf(tally.roundId, tally.questionId);
    if (tally.option === -1) {
      summary.answers = tally.count;
      continue;
    }
    const question = questions.find((q) => q.id === tally.questionId);
    // Likert values 1–5 are counted at 0–4.
    const index = question?.kind === 'likert' ? tally.option - 1 : tally.option;
    if (index < 0) continue;
    while (summary.counts.length <= index) {
      summary.counts.push(0);
      summary.positionSums.push(0);
    }
    summary.counts[index] = (summary.counts[index] ?? 0) + tally.count;
    summary.positionSums[index] = (summary.positionSums[index] ?? 0) + tally.positionSum;
  }
  return byRound;
}

/** How many options a question has in a round: Likert 5; focus_next its own and the proposals. */
export function optionCountOf(
  question: Pick<SurveyQuestionRow, 'kind' | 'options'>,
  proposals: number,
): number {
  if (question.kind === 'likert') return 5;
  if (question.kind === 'focus_next') return question.options.length + proposals;
  return question.options.length;
}

/**
 * A round's results as an anonymous survey publishes them: the counts and every free-text answer
 * (alphabetical, at most `textLimit` per question). Two statements whatever the number of responses.
 */
export async function summariseRound(
  db: Db,
  roundId: string,
  questions: SurveyQuestionRow[],
  proposalCounts: Map<string, number>,
  responses: number,
): Promise<SurveySnapshot> {
  const tallies = await tallyRoundAnswers(db, [roundId]);
  const byRound = summariesFrom(tallies, questions, (_round, question) =>
    optionCountOf(question, proposalCounts.get(question.id) ?? 0),
  );
  const texts = await listRoundTexts(db, roundId, { limit: textLimit });
  const round = byRound.get(roundId) ?? new Map<string, SurveyQuestionSummary>();
  return {
    responses,
    questions: questions.map((question) => {
      const summary = round.get(question.id) ?? {
        questionId: question.id,
        answers: 0,
        counts: Array.from(
          { length: optionCountOf(question, proposalCounts.get(question.id) ?? 0) },
          () => 0,
        ),
        positionSums: Array.from(
          { length: optionCountOf(question, proposalCounts.get(question.id) ?? 0) },
          () => 0,
        ),
        texts: [],
      };
      return { ...summary, texts: texts.filter((t) => t.questionId === question.id).map((t) => t.text) };
    }),
  };
}
