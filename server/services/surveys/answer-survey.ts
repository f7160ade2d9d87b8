import {
  type AnswerSurveyInput,
  type SurveyAnswerInput,
  surveyLimits,
} from '../../../common/contracts/surveys.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayAnswerSurvey } from '../../policies/surveys.ts';
import { recordActivity } from '../../queries/activity.ts';
import {
  addSurveyProposal,
  insertAnonymousResponse,
  insertSurveyAnswers,
  listRoundProposals,
  publishRoundProposals,
  type StoredAnswer,
  updateRoundSnapshot,
  upsertNamedResponse,
} from '../../queries/survey-answers.ts';
import {
  bumpRoundAnswersVersion,
  listSurveyQuestions,
  lockSurveyRound,
  markSurveyInviteeAnswered,
  type SurveyQuestionRow,
} from '../../queries/surveys.ts';
import type { ServiceDeps } from '../context.ts';
import { isRoundOpen, loadVisibleSurvey } from './load-survey.ts';
import { summariseRound } from './summaries.ts';

/** A checked answer, with the proposal (focus_next) still to be added. */
interface CheckedAnswer extends StoredAnswer {
  proposal: string | null;
}

const isBlank = (a: SurveyAnswerInput) =>
  a.choice === undefined &&
  (a.choices === undefined || a.choices.length === 0) &&
  (a.text === undefined || a.text === '') &&
  a.proposal === undefined;

/** Distinct indexes, each an option of the question; refuses naming the answer's field. */
function checkIndexes(field: string, choices: number[], optionCount: number) {
  if (new Set(choices).size !== choices.length) throw fieldError(field, 'errors.surveys.choicesDuplicate');
  if (choices.some((c) => c < 0 || c >= optionCount))
    throw fieldError(field, 'errors.surveys.choiceOutOfRange');
}

/**
 * One answer checked against its question: the fields its kind takes, in range; a ranking orders every
 * option once; focus_next picks at most three (a proposal counts as one). Each refusal names
 * `answers.<question id>`.
 */
function checkAnswer(
  question: SurveyQuestionRow,
  answer: SurveyAnswerInput,
  optionCount: number,
): CheckedAnswer {
  const field = `answers.${question.id}`;
  const only = (...allowed: (keyof SurveyAnswerInput)[]) => {
    for (const key of Object.keys(answer) as (keyof SurveyAnswerInput)[])
      if (answer[key] !== undefined && !allowed.includes(key))
        throw fieldError(field, 'errors.surveys.answerKind');
  };
  const stored: CheckedAnswer = {
    questionId: question.id,
    choice: null,
    choices: null,
    text: null,
    proposal: null,
  };
  switch (question.kind) {
    case 'likert':
      only('choice');
      if (answer.choice === undefined) throw fieldError(field, 'errors.surveys.answerKind');
      if (answer.choice < 1 || answer.choice > 5) throw fieldError(field, 'errors.surveys.likert');
      return { ...stored, choice: answer.choice };
    case 'single':
      only('choice');
      if (answer.choice === undefined) throw fieldError(field, 'errors.surveys.answerKind');
      if (answer.choice < 0 || answer.choice >= optionCount)
        throw fieldError(field, 'errors.surveys.choiceOutOfRange');
      return { ...stored, choice: answer.choice };
    case 'multiple':
    case 'ranking': {
      only('choices');
      const choices = answer.choices ?? [];
      if (choices.length === 0) throw fieldError(field, 'errors.surveys.choicesEmpty');
      checkIndexes(field, choices, optionCount);
      if (question.kind === 'ranking' && choices.length !== optionCount)
        throw fieldError(field, 'errors.surveys.rankingAll');
      return { ...stored, choices };
    }
    case 'short_text':
    case 'long_text':
      only('text');
      if (answer.text === undefined || answer.text === '')
        throw fieldError(field, 'errors.surveys.answerKind');
      if (question.kind === 'short_text' && answer.text.length > surveyLimits.shortTextMax)
        throw fieldError(field, 'errors.surveys.shortTextTooLong');
      return { ...stored, text: answer.text };
    case 'focus_next': {
      only('choices', 'proposal');
      const choices = answer.choices ?? [];
      checkIndexes(field, choices, optionCount);
      if (choices.length + (answer.proposal ? 1 : 0) > surveyLimits.focusPicksMax)
        throw fieldError(field, 'errors.surveys.focusTooMany');
      return { ...stored, choices, proposal: answer.proposal ?? null };
    }
  }
}

/** Every answer checked against the survey's questions (unknown ones and unanswered required ones refused). */
export function checkSurveyAnswers(
  questions: SurveyQuestionRow[],
  input: AnswerSurveyInput,
  optionCounts: (question: SurveyQuestionRow) => number,
): CheckedAnswer[] {
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(input.answers))
    if (!known.has(id)) throw fieldError(`answers.${id}`, 'errors.surveys.unknownQuestion');
  const checked: CheckedAnswer[] = [];
  for (const question of questions) {
    const answer = input.answers[question.id];
    if (answer === undefined || isBlank(answer)) {
      if (question.required) throw fieldError(`answers.${question.id}`, 'errors.surveys.required');
      continue;
    }
    checked.push(checkAnswer(question, answer, optionCounts(question)));
  }
  return checked;
}

/**
 * Someone asked answers the open round (or, named, changes their response while it is open). Under the
 * round's lock: named, the response with its person, replaced; anonymous, the invitee is marked as
 * having answered (the day only) and, apart from that, a response with no person is added; every fifth
 * publishes the results (and the proposals made). The event log gets the answer (anonymous: without
 * the person, on the day only). Nothing is written when an answer is refused.
 */
export async function answerSurvey(
  deps: ServiceDeps,
  actor: Actor,
  surveyId: string,
  input: AnswerSurveyInput,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { survey, community, membership, standing, subject } = await loadVisibleSurvey(tx, actor, surveyId);
    enforce(mayAnswerSurvey(actor, community, membership, subject));
    const round = standing.latest ? await lockSurveyRound(tx, standing.latest.id) : undefined;
    if (!round || !isRoundOpen(survey, round)) throw new AppError('conflict', 'errors.surveys.closed');
    const questions = await listSurveyQuestions(tx, survey.id);
    const proposals = await listRoundProposals(tx, [round.id], { publishedOnly: false });
    const proposalCount = (questionId: string) => proposals.filter((p) => p.questionId === questionId).length;
    const checked = checkSurveyAnswers(questions, input, (q) =>
      q.kind === 'likert' ? 5 : q.options.length + (q.kind === 'focus_next' ? proposalCount(q.id) : 0),
    );
    const answers: StoredAnswer[] = [];
    for (const { proposal, ...answer } of checked) {
      if (proposal === null) {
        answers.push(answer);
        continue;
      }
      const question = questions.find((q) => q.id === answer.questionId);
      const position = await addSurveyProposal(tx, {
        roundId: round.id,
        questionId: answer.questionId,
        label: proposal,
        published: !survey.anonymous,
        first: question?.options.length ?? 0,
      });
      answers.push({ ...answer, choices: [...new Set([...(answer.choices ?? []), position])] });
    }
    await storeResponse(tx, survey, round, questions, actor.id, answers);
  });
}

async function storeResponse(
  tx: Db,
  survey: { id: string; communityId: string; anonymous: boolean },
  round: { id: string; responseCount: number },
  questions: SurveyQuestionRow[],
  userId: string,
  answers: StoredAnswer[],
): Promise<void> {
  const first = await markSurveyInviteeAnswered(tx, round.id, userId, survey.anonymous);
  if (survey.anonymous) {
    // Two answers at once from one person: the second finds the first's mark under the lock.
    if (!first) throw new AppError('conflict', 'errors.surveys.anonymousFinal');
    const responseId = await insertAnonymousResponse(tx, round.id);
    await insertSurveyAnswers(tx, responseId, round.id, answers);
    const responses = round.responseCount + 1;
    if (responses % surveyLimits.anonymousBatch === 0) {
      await publishRoundProposals(tx, round.id);
      const proposals = await listRoundProposals(tx, [round.id], { publishedOnly: true });
      const counts = new Map<string, number>();
      for (const p of proposals) counts.set(p.questionId, (counts.get(p.questionId) ?? 0) + 1);
      await updateRoundSnapshot(
        tx,
        round.id,
        await summariseRound(tx, round.id, questions, counts, responses),
      );
    }
  } else {
    const responseId = await upsertNamedResponse(tx, round.id, userId);
    await insertSurveyAnswers(tx, responseId, round.id, answers);
    await bumpRoundAnswersVersion(tx, round.id);
  }
  await recordActivity(tx, {
    communityId: survey.communityId,
    actorId: survey.anonymous ? null : userId,
    kind: 'survey.answered',
    subjectType: 'survey',
    subjectId: survey.id,
    coarse: survey.anonymous,
  });
}
