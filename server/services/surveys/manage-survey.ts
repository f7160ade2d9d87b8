import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayManageSurvey } from '../../policies/surveys.ts';
import { closeSurveyRoundNow, stopSurvey } from '../../queries/surveys.ts';
import type { ServiceDeps } from '../context.ts';
import { loadVisibleSurvey } from './load-survey.ts';

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
