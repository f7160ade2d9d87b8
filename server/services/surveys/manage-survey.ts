import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayManageSurvey } from '../../policies/surveys.ts';
import {
  closeSurveyRoundNow,
  deleteRoundsNotOpened,
  insertSurveyRound,
  listSurveyRounds,
  stopSurvey,
} from '../../queries/surveys.ts';
import type { ServiceDeps } from '../context.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { loadVisibleSurvey } from './load-survey.ts';
import { announceRound } from './rounds.ts';

/**
 * Closes a check-in now: the open round takes no more answers and no further round opens (a recurring
 * check-in stops). Closing twice is a 409.
 */
export async function closeSurvey(deps: ServiceDeps, actor: Actor, surveyId: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership, standing } = await loadVisibleSurvey(tx, actor, surveyId, { lock: true });
    enforce(mayManageSurvey(actor, community, membership));
    const closedRound = standing.latest ? await closeSurveyRoundNow(tx, standing.latest.id) : false;
    const stopped = await stopSurvey(tx, surveyId);
    if (!closedRound && !stopped) throw new AppError('conflict', 'errors.surveys.alreadyClosed');
  });
}

/**
 * Opens the next round now (leaders: the term began early, or a check-in that runs once is run again):
 * the open round closes, a new round as long as the first opens, reusing the questions, and is
 * announced. Later rounds of a recurring check-in keep their schedule. Refused (409) once stopped.
 */
export async function startNextRound(deps: ServiceDeps, actor: Actor, surveyId: string): Promise<number> {
  return unitOfWork(deps, async (tx, outbox) => {
    const { survey, community, membership } = await loadVisibleSurvey(tx, actor, surveyId, { lock: true });
    enforce(mayManageSurvey(actor, community, membership));
    if (survey.closedAt !== null) throw new AppError('conflict', 'errors.surveys.alreadyClosed');
    const rounds = await listSurveyRounds(tx, survey.id);
    // Rounds written ahead and not opened yet give way to this one.
    await deleteRoundsNotOpened(tx, survey.id);
    const opened = rounds.filter((r) => r.opensAt.getTime() <= Date.now());
    const latest = opened.at(-1);
    if (latest) await closeSurveyRoundNow(tx, latest.id);
    const now = Date.now();
    const length = survey.closesAt.getTime() - survey.opensAt.getTime();
    const number = (latest?.number ?? 0) + 1;
    const round = await insertSurveyRound(tx, {
      surveyId: survey.id,
      number,
      opensAt: new Date(now),
      closesAt: new Date(now + length),
    });
    if (!round) throw new AppError('conflict', 'errors.surveys.alreadyClosed');
    await announceRound(tx, outbox, deps.env.publicUrl, round, { except: actor.id });
    return number;
  });
}
