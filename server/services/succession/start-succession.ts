import type { StartSuccessionInput } from '../../../common/contracts/succession.ts';
import type { OutgoingRole } from '../../../common/succession-enums.ts';
import { fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayCancelSuccession, mayStartSuccession, mayStepDown } from '../../policies/succession.ts';
import { recordAudit } from '../../queries/audit.ts';
import { findDecisionProcess } from '../../queries/charters.ts';
import { findMemberRole, listLeaderIds, updateMemberRole } from '../../queries/community-members.ts';
import {
  deleteTerm,
  insertNomination,
  insertSuccession,
  updateSuccession,
} from '../../queries/succession.ts';
import { keepALeader } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, notifyUser, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { loadLeadership, requireOpen } from './load-succession.ts';

/**
 * A leader or co-leader starts a succession for their place: they name a successor (who is asked to
 * accept) or open nominations. The process is the one the charter names now, copied so a later charter
 * change does not alter a succession under way. Under the community lock: one succession at a time.
 */
export async function startSuccession(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: StartSuccessionInput,
): Promise<string> {
  return unitOfWork(deps, async (tx, outbox) => {
    const { community, membership, open } = await loadLeadership(tx, actor, slug, { lock: true });
    enforce(mayStartSuccession(community, membership, open !== undefined));
    if (input.successorId !== undefined) {
      const role = await findMemberRole(tx, community.id, input.successorId);
      if (role === undefined || role === 'guest' || input.successorId === actor.id)
        throw fieldError('successorId', 'succession.validation.nomineeMember');
    }
    const decision = await findDecisionProcess(tx, community.id);
    const id = await insertSuccession(tx, {
      communityId: community.id,
      outgoingId: actor.id,
      outgoingRole: input.outgoingRole,
      process: decision.process,
      periodDays: decision.process === 'vote' ? decision.votingDays : decision.objectionDays,
    });
    const url = `/communities/${community.slug}/leadership`;
    if (input.successorId !== undefined) {
      await insertNomination(tx, { successionId: id, nomineeId: input.successorId, nominatedBy: actor.id });
      await notifyUser(tx, outbox, deps.env.publicUrl, {
        userId: input.successorId,
        kind: 'community.membership',
        communityId: community.id,
        title: phrase('succession.notify.nominated.title', { community: community.name }),
        body: phrase('succession.notify.nominated.body', { name: actor.displayName }),
        url,
      });
    }
    const leaders = await listLeaderIds(tx, community.id);
    await notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      leaders,
      {
        kind: 'community.membership',
        communityId: community.id,
        title: phrase('succession.notify.started.title', { community: community.name }),
        body: phrase('succession.notify.started.body', { name: actor.displayName }),
        url,
      },
      { except: actor.id },
    );
    return id;
  });
}

/**
 * A leader or co-leader steps down at once, keeping `role`. Refused (409) for the last leader, under
 * the community lock, so two leaders stepping down at the same moment leave one: the second waits for
 * the first and then is the last.
 */
export async function stepDown(deps: ServiceDeps, actor: Actor, slug: string, role: OutgoingRole) {
  await unitOfWork(deps, async (tx, outbox) => {
    const { community, membership } = await loadLeadership(tx, actor, slug, { lock: true });
    enforce(mayStepDown(community, membership));
    if (!membership) return;
    await keepALeader(tx, community.id, membership.role, 'succession.errors.lastLeader');
    await updateMemberRole(tx, community.id, actor.id, role);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'community.member.role',
      subjectType: 'user',
      subjectId: actor.id,
      data: {
        communityId: community.id,
        community: community.name,
        from: membership.role,
        to: role,
        via: 'step_down',
      },
    });
    await deleteTerm(tx, community.id, actor.id);
    await notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      await listLeaderIds(tx, community.id),
      {
        kind: 'community.membership',
        communityId: community.id,
        title: phrase('succession.notify.steppedDown.title', { community: community.name }),
        body: phrase('succession.notify.steppedDown.body', { name: actor.displayName }),
        url: `/communities/${community.slug}/leadership`,
      },
      { except: actor.id },
    );
  });
}

/** Calls off the succession under way (before it is decided): nobody's role changes. */
export async function cancelSuccession(deps: ServiceDeps, actor: Actor, slug: string): Promise<void> {
  await unitOfWork(deps, async (tx) => {
    const loaded = await loadLeadership(tx, actor, slug, { lock: true });
    const { succession, subject } = requireOpen(loaded);
    enforce(mayCancelSuccession(actor, loaded.community, loaded.membership, subject));
    await updateSuccession(tx, succession.id, { status: 'cancelled', closesAt: null, candidateId: null });
  });
}
