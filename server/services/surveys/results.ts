import { type SurveyResults, surveyLimits } from '../../../common/contracts/surveys.ts';
import { toCsv } from '../../../common/csv.ts';
import type { SurveyQuestionSummary } from '../../db/schema/surveys.ts';
import { fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayExportSurvey, overseesSurveys, seesSurveyResults } from '../../policies/surveys.ts';
import { listRoundTexts, tallyRoundAnswers } from '../../queries/survey-answers.ts';
import type { SurveyQuestionRow } from '../../queries/surveys.ts';
import type { ServiceDeps } from '../context.ts';
import { loadVisibleSurvey, loadVisibleSurveyBundle } from './load-survey.ts';
import { presentRound } from './read-surveys.ts';
import { cachedResult } from './results-cache.ts';
import { optionCountOf, pageTextLimit, summariesFrom } from './summaries.ts';

type RoundResult = SurveyResults['questions'][number]['result'];

/** A question's result in one round: counts, the Likert mean, the ranking's average positions. */
function roundResult(
  number: number,
  question: SurveyQuestionRow,
  summary: SurveyQuestionSummary | undefined,
): RoundResult {
  const counts = summary?.counts ?? [];
  const answers = summary?.answers ?? 0;
  const mean =
    question.kind === 'likert' && answers > 0
      ? counts.reduce((sum, count, index) => sum + count * (index + 1), 0) / answers
      : null;
  const averagePositions =
    question.kind === 'ranking'
      ? counts.map((count, index) => (count > 0 ? (summary?.positionSums[index] ?? 0) / count : null))
      : [];
  return { round: number, answers, mean, counts, averagePositions };
}

/**
 * The results of a round (the latest opened one, or `round`) with each question's trend across rounds.
 * Named: counted from the answers in one statement for every round, and the round's free text (found by
 * `search`). Anonymous: only what was published (every fifth response), so nothing shows under five and
 * no single response can be told from the change it makes; texts are searched within what was published.
 * Hidden (shown: false) for those who may not see them yet.
 */
export async function getSurveyResults(
  deps: ServiceDeps,
  actor: Actor,
  surveyId: string,
  query: { round?: number | undefined; q?: string | undefined },
): Promise<SurveyResults> {
  const { db } = deps.database;
  const bundle = await loadVisibleSurveyBundle(db, actor, surveyId);
  const { survey, membership, subject, questions, proposals } = bundle;
  const now = Date.now();
  const rounds = bundle.rounds.filter((r) => r.opensAt.getTime() <= now);
  const selected = query.round ? rounds.find((r) => r.number === query.round) : rounds.at(-1);
  if (query.round && !selected) throw fieldError('round', 'errors.surveys.noRound');
  const sees = seesSurveyResults(actor, membership, subject);
  const roundIds = rounds.map((r) => r.id);
  const versions = rounds.map((r) => `${r.id}:${r.answersVersion}`).join(',');
  const [tallies, texts] = await Promise.all([
    sees && !survey.anonymous ? cachedResult(`tally ${versions}`, () => tallyRoundAnswers(db, roundIds)) : [],
    sees && !survey.anonymous && selected
      ? cachedResult(`texts ${selected.id}:${selected.answersVersion} ${query.q ?? ''}`, () =>
          listRoundTexts(db, selected.id, { search: query.q, limit: pageTextLimit }),
        )
      : [],
  ]);
  const proposalsOf = (roundId: string, questionId: string) =>
    proposals.filter((p) => p.roundId === roundId && p.questionId === questionId).map((p) => p.label);
  const live = summariesFrom(tallies, questions, (roundId, q) =>
    optionCountOf(q, proposalsOf(roundId, q.id).length),
  );
  const summaryOf = (roundId: string, questionId: string) => {
    if (!survey.anonymous) return live.get(roundId)?.get(questionId);
    return rounds.find((r) => r.id === roundId)?.snapshot?.questions.find((s) => s.questionId === questionId);
  };
  const shownRound = (round: (typeof rounds)[number]) =>
    sees && (survey.anonymous ? (round.snapshot?.responses ?? 0) >= surveyLimits.anonymousBatch : true);
  const shown = selected !== undefined && shownRound(selected);
  const needle = query.q?.toLowerCase();
  const oversees = overseesSurveys(actor, membership);
  return {
    rounds: rounds.map((round) => ({
      ...(presentRound(survey, round, oversees) ?? {
        number: round.number,
        opensAt: '',
        closesAt: '',
        open: false,
      }),
      inviteeCount: round.inviteeCount,
      responseCount: round.responseCount,
      shown: shownRound(round),
      countedResponses: !shownRound(round)
        ? 0
        : survey.anonymous
          ? (round.snapshot?.responses ?? 0)
          : round.responseCount,
    })),
    round: selected?.number ?? null,
    shown,
    questions: questions.map((question) => {
      const summary = shown && selected ? summaryOf(selected.id, question.id) : undefined;
      const allTexts = survey.anonymous
        ? (summary?.texts ?? [])
        : texts.filter((t) => t.questionId === question.id).map((t) => t.text);
      const matching =
        survey.anonymous && needle ? allTexts.filter((t) => t.toLowerCase().includes(needle)) : allTexts;
      const found = matching.slice(0, pageTextLimit);
      const textCount = survey.anonymous
        ? matching.length
        : (texts.find((t) => t.questionId === question.id)?.total ?? 0);
      return {
        id: question.id,
        position: question.position,
        kind: question.kind,
        prompt: question.prompt,
        options: [...question.options, ...(selected ? proposalsOf(selected.id, question.id) : [])],
        required: question.required,
        result: roundResult(selected?.number ?? 0, question, summary),
        texts: shown ? found : [],
        textCount: shown ? textCount : 0,
        trend: rounds
          .filter(shownRound)
          .map((round) => roundResult(round.number, question, summaryOf(round.id, question.id))),
      };
    }),
  };
}

/**
 * The results of a round as CSV for the leaders: one line per question and option with its count (and
 * the Likert mean, the ranking's average position), then the free-text answers, alphabetical. Never a
 * person or a time: anonymous results are only what was published.
 */
export async function exportSurveyResults(
  deps: ServiceDeps,
  actor: Actor,
  surveyId: string,
  round: number | undefined,
): Promise<string> {
  const { membership } = await loadVisibleSurvey(deps.database.db, actor, surveyId);
  enforce(mayExportSurvey(actor, membership));
  const results = await getSurveyResults(deps, actor, surveyId, { round });
  const rows: (string | number | null)[][] = [];
  for (const question of results.questions) {
    const { result } = question;
    if (question.kind === 'short_text' || question.kind === 'long_text') {
      for (const text of question.texts) rows.push([question.prompt, text, null, null]);
      continue;
    }
    question.options.forEach((option, index) => {
      const label = question.kind === 'likert' ? `${index + 1} ${option}` : option;
      const detail =
        question.kind === 'ranking'
          ? (result.averagePositions[index] ?? null)
          : index === 0
            ? result.mean
            : null;
      rows.push([question.prompt, label, result.counts[index] ?? 0, detail]);
    });
  }
  return toCsv(['question', 'answer', 'count', 'mean_or_average_position'], rows);
}
