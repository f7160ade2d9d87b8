import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayAnswerPairRequest } from '../../policies/mentoring.ts';
import { recordActivity } from '../../queries/activity.ts';
import { changeActiveCount, findPair, lockOffer, updatePair } from '../../queries/mentoring.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';

/**
 * The mentor accepts or declines a request (#18 §2). Accepting locks the mentor's offer row first, then
 * the pairing: a second answer finds the pairing answered (409), and of two accepts at the same moment
 * the second waits for the first and finds the cap reached (409). Nothing is written on a refusal.
 */
export async function answerPairRequest(deps: ServiceDeps, actor: Actor, pairId: string, accept: boolean) {
  await unitOfWork(deps, async (tx, outbox) => {
    const peek = await findPair(tx, pairId);
    if (!peek) throw new AppError('not_found', 'mentoring.error.notFound');
    enforce(mayAnswerPairRequest(actor, peek));
    // Offer, then pairing: every accept locks in this order, so two never wait on each other.
    const offer = accept ? await lockOffer(tx, peek.mentorId, 'mentor') : null;
    const pair = await findPair(tx, pairId, true);
    if (!pair) throw new AppError('not_found', 'mentoring.error.notFound');
    enforce(mayAnswerPairRequest(actor, pair));
    if (accept) {
      if (!offer || offer.cap === null || offer.activeCount >= offer.cap)
        throw new AppError('conflict', 'mentoring.error.overCap');
      await changeActiveCount(tx, pair.mentorId, 1);
      await recordActivity(tx, {
        communityId: null,
        actorId: actor.id,
        kind: 'mentoring.started',
        subjectType: 'mentoring_pair',
        subjectId: pair.id,
      });
    }
    await updatePair(tx, pair.id, { status: accept ? 'active' : 'declined', answeredAt: new Date() });
    await notifyUser(tx, outbox, deps.env.publicUrl, {
      userId: pair.menteeId,
      kind: 'mentoring.pairing',
      title: phrase(accept ? 'mentoring.notify.accepted.title' : 'mentoring.notify.declined.title', {
        name: actor.displayName,
      }),
      body: phrase(accept ? 'mentoring.notify.accepted.body' : 'mentoring.notify.declined.body', {
        name: actor.displayName,
      }),
      url: accept ? `/mentoring/pairs/${pair.id}` : '/mentoring',
    });
  });
}
