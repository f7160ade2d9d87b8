import type { Actor } from '../../lib/actor.ts';
import type { ServiceDeps } from '../context.ts';
import { recordReviewStep } from './review-step.ts';

/**
 * A coordinator asks for changes, saying which; the proposer edits and resubmits. The leadership team
 * hears of it.
 */
export async function requestProposalChanges(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  message: string,
): Promise<void> {
  await recordReviewStep(deps, actor, id, {
    status: 'changes_requested',
    message,
  });
}
