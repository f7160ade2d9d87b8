import {
  type CreateSurveyInput,
  surveyLimits,
  surveyPeriodWeeks,
} from '../../../common/contracts/surveys.ts';
import { fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayCreateSurvey } from '../../policies/surveys.ts';
import { insertSurvey, insertSurveyQuestions, insertSurveyRound } from '../../queries/surveys.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { announceRound } from './rounds.ts';

const day = 86_400_000;
/** An opening time this far in the past is still "now" (the form's clock and ours differ a little). */
const clockSlack = 5 * 60_000;

/** The first round's window, checked: opens now or later, closes after it, within 60 days and the period. */
function firstWindow(input: CreateSurveyInput, now: number) {
  const opensAt = input.opensAt ? new Date(input.opensAt) : new Date(now);
  const closesAt = new Date(input.closesAt);
  if (opensAt.getTime() < now - clockSlack) throw fieldError('opensAt', 'errors.surveys.opensInPast');
  if (closesAt.getTime() <= Math.max(opensAt.getTime(), now))
    throw fieldError('closesAt', 'errors.surveys.closesBeforeOpens');
  const length = closesAt.getTime() - opensAt.getTime();
  if (length > surveyLimits.windowDaysMax * day) throw fieldError('closesAt', 'errors.surveys.windowTooLong');
  const weeks = surveyPeriodWeeks(input.recurrence, input.everyWeeks ?? null);
  if (weeks !== null && length >= weeks * 7 * day)
    throw fieldError('closesAt', 'errors.surveys.windowLongerThanPeriod');
  return { opensAt, closesAt };
}

/**
 * Creates a check-in survey with its questions and first round. A round that opens now is announced at
 * once (its invitees fixed and told); a later one is announced by the job when it opens. Bad input is
 * refused naming the field before anything is written; the whole creation is one transaction.
 */
export async function createSurvey(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: CreateSurveyInput,
): Promise<string> {
  const now = Date.now();
  const { opensAt, closesAt } = firstWindow(input, now);
  return unitOfWork(deps, async (tx, outbox) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug);
    enforce(mayCreateSurvey(actor, community, membership));
    const survey = await insertSurvey(tx, {
      communityId: community.id,
      authorId: actor.id,
      title: input.title,
      intro: input.intro,
      anonymous: input.anonymous,
      shareResults: input.shareResults,
      recurrence: input.recurrence,
      everyWeeks: input.recurrence === 'weeks' ? (input.everyWeeks ?? null) : null,
      opensAt,
      closesAt,
    });
    await insertSurveyQuestions(tx, survey.id, input.questions);
    const round = await insertSurveyRound(tx, { surveyId: survey.id, number: 1, opensAt, closesAt });
    if (round && opensAt.getTime() <= Date.now()) {
      await announceRound(tx, outbox, deps.env.publicUrl, round, { except: actor.id });
    }
    return survey.id;
  });
}
