import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayAnswerNomination, mayNominate } from '../../policies/succession.ts';
import { findMemberRole } from '../../queries/community-members.ts';
import { insertNomination, updateNominationStatus } from '../../queries/succession.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { loadLeadership, requireOpen } from './load-succession.ts';

/**
 * A member nominates someone (themselves included: accepted at once) while nominations are open. The
 * nominee must be a member of the community (not a guest) and not the outgoing leader; 400 otherwise.
 */
export async function nominate(deps: ServiceDeps, actor: Actor, slug: string, userId: string) {
  await unitOfWork(deps, async (tx, outbox) => {
    const loaded = await loadLeadership(tx, actor, slug, { lock: true });
    const { community, membership } = loaded;
    const { succession, subject } = requireOpen(loaded);
    enforce(mayNominate(community, membership, subject));
    const role = await findMemberRole(tx, community.id, userId);
    if (role === undefined || role === 'guest' || userId === succession.outgoingId)
      throw fieldError('userId', 'succession.validation.nomineeMember');
    const self = userId === actor.id;
    const added = await insertNomination(tx, {
      successionId: succession.id,
      nomineeId: userId,
      nominatedBy: actor.id,
      status: self ? 'accepted' : 'pending',
    });
    if (!added) throw new AppError('conflict', 'succession.errors.nominatedAlready');
    if (self) return;
    await notifyUser(tx, outbox, deps.env.publicUrl, {
      userId,
      kind: 'community.membership',
      communityId: community.id,
      title: phrase('succession.notify.nominated.title', { community: community.name }),
      body: phrase('succession.notify.nominated.body', { name: actor.displayName }),
      url: `/communities/${community.slug}/leadership`,
    });
  });
}

/** The nominee accepts or declines their nomination (and may change their mind while nominating). */
export async function answerNomination(deps: ServiceDeps, actor: Actor, slug: string, accept: boolean) {
  await unitOfWork(deps, async (tx) => {
    const loaded = await loadLeadership(tx, actor, slug, { lock: true });
    const { succession, subject } = requireOpen(loaded);
    enforce(mayAnswerNomination(loaded.community, loaded.membership, subject));
    await updateNominationStatus(tx, succession.id, actor.id, accept ? 'accepted' : 'declined');
  });
}
