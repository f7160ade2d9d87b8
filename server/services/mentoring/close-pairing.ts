import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayClosePair } from '../../policies/mentoring.ts';
import { recordActivity } from '../../queries/activity.ts';
import { changeActiveCount, findPair, lockOffer, updatePair } from '../../queries/mentoring.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';

/**
 * Either side closes a pairing with a short reflection (#18 §2); a mentee's waiting request is
 * withdrawn the same way. The mentor's place frees at once (under the offer's lock, as accepting).
 *
 * VALUE-STORY HOOK (#11): the reflection is stored on the pairing (`mentoring_pairs.reflection`, with
 * `closed_by`); the value stories feature may offer its author to turn it into a story. Nothing else
 * reads it: it stays private to the two.
 */
export async function closePairing(deps: ServiceDeps, actor: Actor, pairId: string, reflection: string) {
  await unitOfWork(deps, async (tx, outbox) => {
    const peek = await findPair(tx, pairId);
    if (!peek) throw new AppError('not_found', 'mentoring.error.notFound');
    enforce(mayClosePair(actor, peek));
    await lockOffer(tx, peek.mentorId, 'mentor');
    const pair = await findPair(tx, pairId, true);
    if (!pair) throw new AppError('not_found', 'mentoring.error.notFound');
    enforce(mayClosePair(actor, pair));
    await updatePair(tx, pair.id, { status: 'closed', closedAt: new Date(), closedBy: actor.id, reflection });
    if (pair.status === 'active') {
      await changeActiveCount(tx, pair.mentorId, -1);
      await recordActivity(tx, {
        communityId: null,
        actorId: actor.id,
        kind: 'mentoring.closed',
        subjectType: 'mentoring_pair',
        subjectId: pair.id,
      });
    }
    const other = actor.id === pair.mentorId ? pair.menteeId : pair.mentorId;
    await notifyUser(tx, outbox, deps.env.publicUrl, {
      userId: other,
      kind: 'mentoring.pairing',
      title: phrase('mentoring.notify.closed.title', { name: actor.displayName }),
      body: phrase('mentoring.notify.closed.body', { name: actor.displayName }),
      url: `/mentoring/pairs/${pair.id}`,
    });
  });
}
