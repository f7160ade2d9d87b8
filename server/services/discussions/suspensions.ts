import type { Db } from '../../db/client.ts';
import { AppError, fieldError, message, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { moment } from '../../lib/notification-params.ts';
import { enforce } from '../../policies/decision.ts';
import {
  mayLiftSuspension,
  mayManageSuspensions,
  maySuspend,
  type SuspensionTarget,
} from '../../policies/discussions.ts';
import { recordAudit } from '../../queries/audit.ts';
import { insertModerationAction } from '../../queries/moderation.ts';
import {
  findSuspension,
  findSuspensionTarget,
  insertSuspension,
  updateEndedSuspensions,
  updateSuspensionLifted,
} from '../../queries/suspensions.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';

/** The person to suspend, with their account role and membership (field error when not a member). */
async function loadTarget(db: Db, communityId: string, userId: string) {
  const row = await findSuspensionTarget(db, communityId, userId);
  if (!row) throw fieldError('userId', 'errors.suspensions.notMember');
  return row;
}

/**
 * Suspends a member from a community (they keep reading but take no part: no post, reply, reaction,
 * report, follow, meeting answer or Toolkit contribution),
 * optionally until a time. Under the community lock; a suspension already in force is a 409, one that
 * ended on its own is closed first (one active row per person). Logged, and the person is told.
 */
export async function suspendMember(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: { userId: string; reason: string; endsAt?: string | undefined },
): Promise<string> {
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  if (endsAt && endsAt.getTime() <= Date.now()) throw fieldError('endsAt', 'errors.suspensions.futureTime');
  return unitOfWork(deps, async (tx, outbox) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: true });
    enforce(mayManageSuspensions(actor, community, membership));
    const person = await loadTarget(tx, community.id, input.userId);
    const target: SuspensionTarget = {
      userId: person.id,
      accountRole: person.role,
      membership: { role: person.memberRole },
    };
    enforce(maySuspend(actor, community, membership, target));
    // A suspension that ran out is no longer in force: close it, so the new one can be the active row.
    await updateEndedSuspensions(tx, community.id, person.id);
    const inserted = await insertSuspension(tx, {
      communityId: community.id,
      userId: person.id,
      reason: input.reason,
      endsAt,
      suspendedBy: actor.id,
    });
    if (!inserted) {
      throw new AppError('conflict', message('errors.suspensions.already', { name: person.displayName }));
    }
    await insertModerationAction(tx, {
      communityId: community.id,
      actorId: actor.id,
      action: 'suspend',
      subjectUserId: person.id,
      note: input.reason,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'suspend',
      subjectType: 'user',
      subjectId: person.id,
      data: {
        communityId: community.id,
        community: community.name,
        reason: input.reason,
        endsAt: endsAt?.toISOString() ?? null,
      },
    });
    await notifyUser(tx, outbox, deps.env.publicUrl, {
      userId: person.id,
      kind: 'community.membership',
      title: phrase('notify.membership.suspended.title', { community: community.name }),
      body: endsAt
        ? phrase('notify.membership.suspendedUntil.body', {
            reason: input.reason,
            until: moment(endsAt, person.timeZone),
          })
        : phrase('notify.membership.suspendedUntilLifted.body', { reason: input.reason }),
      url: `/communities/${community.slug}`,
    });
    return inserted.id;
  });
}

/** Lifts a suspension in force (409 when it was already lifted or has ended); logged, the person is told. */
export async function liftSuspension(deps: ServiceDeps, actor: Actor, suspensionId: string): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const found = await findSuspension(tx, suspensionId);
    if (!found) throw notFound('errors.notFound.suspension');
    const { community, membership } = await loadVisibleCommunity(tx, actor, found.communityId, {
      lock: true,
    });
    enforce(mayLiftSuspension(actor, community, membership, found));
    const lifted = await updateSuspensionLifted(tx, suspensionId, actor.id);
    if (!lifted) throw new AppError('conflict', 'errors.suspensions.notInForce');
    await insertModerationAction(tx, {
      communityId: community.id,
      actorId: actor.id,
      action: 'lift_suspension',
      subjectUserId: found.userId,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'lift_suspension',
      subjectType: 'user',
      subjectId: found.userId,
      data: { communityId: community.id, community: community.name, suspensionId },
    });
    return notifyUser(tx, outbox, deps.env.publicUrl, {
      userId: found.userId,
      kind: 'community.membership',
      title: phrase('notify.membership.suspensionLifted.title', { community: community.name }),
      body: phrase('notify.membership.suspensionLifted.body'),
      url: `/communities/${community.slug}`,
    });
  });
}
