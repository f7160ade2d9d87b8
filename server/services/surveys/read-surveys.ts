import type { OpenSurvey, Survey, SurveySummary } from '../../../common/contracts/surveys.ts';
import { surveyPeriodWeeks } from '../../../common/contracts/surveys.ts';
import type { Actor } from '../../lib/actor.ts';
import { isAllowed } from '../../policies/decision.ts';
import {
  mayAnswerSurvey,
  mayManageSurvey,
  overseesSurveys,
  seesSurveyResults,
} from '../../policies/surveys.ts';
import { listNamedAnswers, listRoundProposals } from '../../queries/survey-answers.ts';
import {
  listCommunitySurveys,
  listOpenSurveysForPerson,
  listSurveyQuestions,
  type SurveyRoundRow,
  type SurveyRow,
} from '../../queries/surveys.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { isRoundOpen, loadVisibleSurvey } from './load-survey.ts';

const listLimit = 100;
const week = 7 * 86_400_000;

/** When the next round opens: the one written and not opened yet, else the next of a recurring survey. */
export function nextRoundOpensAt(survey: SurveyRow, latest: SurveyRoundRow | null, upcoming: Date | null) {
  if (survey.closedAt !== null) return null;
  if (upcoming) return upcoming.toISOString();
  const weeks = surveyPeriodWeeks(survey.recurrence, survey.everyWeeks);
  if (weeks === null || !latest) return null;
  return new Date(survey.opensAt.getTime() + latest.number * weeks * week).toISOString();
}

/** A round as the API shows it; the counts only to those who oversee the check-ins. */
export function presentRound(survey: SurveyRow, round: SurveyRoundRow | null, oversees: boolean) {
  if (!round) return null;
  return {
    number: round.number,
    opensAt: round.opensAt.toISOString(),
    closesAt: (round.closedAt ?? survey.closedAt ?? round.closesAt).toISOString(),
    open: isRoundOpen(survey, round),
    inviteeCount: oversees ? round.inviteeCount : null,
    responseCount: oversees ? round.responseCount : null,
  };
}

/** One survey with its questions (and the proposals shown this round), your answers when named. */
export async function getSurvey(deps: ServiceDeps, actor: Actor, surveyId: string): Promise<Survey> {
  const { db } = deps.database;
  const { survey, community, membership, standing, subject } = await loadVisibleSurvey(db, actor, surveyId);
  const latest = standing.latest;
  const [questions, proposals, answers] = await Promise.all([
    listSurveyQuestions(db, survey.id),
    latest ? listRoundProposals(db, [latest.id], { publishedOnly: true }) : [],
    latest && !survey.anonymous && subject.answered ? listNamedAnswers(db, latest.id, actor.id) : [],
  ]);
  const answerDecision = mayAnswerSurvey(actor, community, membership, subject);
  return {
    id: survey.id,
    communityId: survey.communityId,
    community: { slug: community.slug, name: community.name },
    title: survey.title,
    intro: survey.intro,
    anonymous: survey.anonymous,
    shareResults: survey.shareResults,
    recurrence: survey.recurrence,
    everyWeeks: survey.everyWeeks,
    stopped: survey.closedAt !== null,
    questions: questions.map((q) => ({
      id: q.id,
      position: q.position,
      kind: q.kind,
      prompt: q.prompt,
      options: [...q.options, ...proposals.filter((p) => p.questionId === q.id).map((p) => p.label)],
      required: q.required,
    })),
    round: presentRound(survey, latest, overseesSurveys(actor, membership)),
    nextRoundOpensAt: nextRoundOpensAt(survey, latest, standing.upcoming),
    invited: subject.invited,
    answered: subject.answered,
    // An anonymous response is never stored with its person, so there is nothing to show back.
    yourAnswers:
      survey.anonymous || !subject.answered
        ? null
        : Object.fromEntries(
            answers.map((a) => [a.questionId, { choice: a.choice, choices: a.choices, text: a.text }]),
          ),
    abilities: {
      answer: isAllowed(answerDecision) && !subject.answered,
      changeAnswer: isAllowed(answerDecision) && subject.answered,
      manage: isAllowed(mayManageSurvey(actor, community, membership)),
      seeResults: seesSurveyResults(actor, membership, subject),
    },
  };
}

/**
 * A community's check-ins, newest first (at most 100): every one for its leaders and the coordinators,
 * those that asked the member for everyone else.
 */
export async function listSurveys(deps: ServiceDeps, actor: Actor, slug: string): Promise<SurveySummary[]> {
  const { db } = deps.database;
  const { membership, community } = await loadVisibleCommunity(db, actor, slug);
  const oversees = overseesSurveys(actor, membership);
  const rows = await listCommunitySurveys(db, community.id, actor.id, { all: oversees, limit: listLimit });
  return rows.map(({ survey, latest, upcoming, invited, answered }) => ({
    id: survey.id,
    title: survey.title,
    anonymous: survey.anonymous,
    recurrence: survey.recurrence,
    everyWeeks: survey.everyWeeks,
    stopped: survey.closedAt !== null,
    round: presentRound(survey, latest, oversees),
    nextRoundOpensAt: nextRoundOpensAt(survey, latest, upcoming),
    invited,
    answered,
  }));
}

/** The open check-ins that asked the actor, in all their communities (the home page; at most 100). */
export async function listMyOpenSurveys(deps: ServiceDeps, actor: Actor): Promise<OpenSurvey[]> {
  const rows = await listOpenSurveysForPerson(deps.database.db, actor.id, listLimit);
  return rows.map(({ survey, closesAt, answeredAt, communityName, communitySlug }) => ({
    id: survey.id,
    title: survey.title,
    anonymous: survey.anonymous,
    closesAt: closesAt.toISOString(),
    answered: answeredAt !== null,
    community: { slug: communitySlug, name: communityName },
  }));
}
