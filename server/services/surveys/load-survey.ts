import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { maySeeSurvey, type SurveySubject } from '../../policies/surveys.ts';
import {
  findSurvey,
  findSurveyBundle,
  findSurveyStanding,
  type SurveyRoundRow,
  type SurveyRow,
} from '../../queries/surveys.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';

/** Whether a round takes answers now: opened, not closed early, before its closing time, survey not stopped. */
export function isRoundOpen(
  survey: Pick<SurveyRow, 'closedAt'>,
  round: Pick<SurveyRoundRow, 'opensAt' | 'closesAt' | 'closedAt'> | null,
  now = Date.now(),
): boolean {
  return (
    round !== null &&
    survey.closedAt === null &&
    round.closedAt === null &&
    round.opensAt.getTime() <= now &&
    round.closesAt.getTime() > now
  );
}

/**
 * Loads a survey the actor may see, with its community, the actor's membership, its latest opened
 * round and the actor's standing in it (404 for everyone else). `lock` takes the survey row's lock
 * first (closing, stopping).
 */
export async function loadVisibleSurvey(
  db: Db,
  actor: Actor,
  surveyId: string,
  options: { lock?: boolean } = {},
) {
  const survey = await findSurvey(db, surveyId, options);
  if (!survey) throw notFound('errors.notFound.survey');
  const { community, membership } = await loadVisibleCommunity(db, actor, survey.communityId);
  const standing = await findSurveyStanding(db, survey.id, actor.id);
  const subject: SurveySubject = {
    open: isRoundOpen(survey, standing.latest),
    anonymous: survey.anonymous,
    shareResults: survey.shareResults,
    invited: standing.invited,
    answered: standing.answered,
    invitedEver: standing.invitedEver,
  };
  enforce(maySeeSurvey(actor, membership, subject));
  return { survey, community, membership, standing, subject };
}

export type VisibleSurvey = Awaited<ReturnType<typeof loadVisibleSurvey>>;

/**
 * As `loadVisibleSurvey`, for the results page: the survey with its rounds, questions and published
 * proposals read in one statement (a results page is read often; two lookups instead of seven).
 */
export async function loadVisibleSurveyBundle(db: Db, actor: Actor, surveyId: string) {
  const bundle = await findSurveyBundle(db, surveyId, actor.id);
  if (!bundle) throw notFound('errors.notFound.survey');
  const { survey, rounds, mine } = bundle;
  const { community, membership } = await loadVisibleCommunity(db, actor, survey.communityId);
  const now = Date.now();
  const latest = rounds.filter((r) => r.opensAt.getTime() <= now).at(-1) ?? null;
  const asked = latest ? mine.find((m) => m.roundId === latest.id) : undefined;
  const subject: SurveySubject = {
    open: isRoundOpen(survey, latest, now),
    anonymous: survey.anonymous,
    shareResults: survey.shareResults,
    invited: asked !== undefined,
    answered: asked?.answeredAt != null,
    invitedEver: mine.length > 0,
  };
  enforce(maySeeSurvey(actor, membership, subject));
  return { ...bundle, community, membership, subject };
}
