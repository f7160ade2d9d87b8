import type { Actor } from '../../lib/actor.ts';
import type { ServiceDeps } from '../context.ts';
import { recordReviewStep } from './review-step.ts';

/** A coordinator declines an open proposal, giving the reason; the leadership team hears of it. */
export async function declineProposal(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  reason: string,
): Promise<void> {
  await recordReviewStep(deps, actor, id, {
    status: 'declined',
    message: reason,
  });
}
