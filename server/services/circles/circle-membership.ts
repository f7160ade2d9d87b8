import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import {
  circleMembersMax,
  mayInviteToCircle,
  mayJoinCircle,
  mayLeaveCircle,
} from '../../policies/circles.ts';
import { enforce } from '../../policies/decision.ts';
import { recordActivity } from '../../queries/activity.ts';
import {
  countCircleSeats,
  deleteCircleMember,
  findCircle,
  listCommunityMemberIdsAmong,
  upsertCircleMembers,
} from '../../queries/circles.ts';
import type { ServiceDeps } from '../context.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { loadCircle } from './load-circle.ts';
import { notifyCircleInvitees } from './notify-invitees.ts';

/**
 * Joining a circle (an open one, or one the actor is invited to). Under the circle's lock, so however
 * many ask at once, no circle ever holds more than eight: the ninth gets 409.
 */
export async function joinCircle(deps: ServiceDeps, actor: Actor, circleId: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership, circle, subject } = await loadCircle(tx, actor, circleId, { lock: true });
    enforce(mayJoinCircle(actor, community, membership, subject));
    await upsertCircleMembers(tx, circle.id, [{ userId: actor.id, status: 'member' }]);
    await recordActivity(tx, {
      communityId: community.id,
      actorId: actor.id,
      kind: 'circle.joined',
      subjectType: 'circle',
      subjectId: circle.id,
    });
  });
}

/** Leaving a circle, or declining an invitation to it. */
export async function leaveCircle(deps: ServiceDeps, actor: Actor, circleId: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership, circle, subject } = await loadCircle(tx, actor, circleId, { lock: true });
    enforce(mayLeaveCircle(community, membership, subject));
    await deleteCircleMember(tx, circle.id, actor.id);
    if (subject.viewerStatus === 'member') {
      await recordActivity(tx, {
        communityId: community.id,
        actorId: actor.id,
        kind: 'circle.left',
        subjectType: 'circle',
        subjectId: circle.id,
      });
    }
  });
}

/**
 * A circle's member invites a member of the community; the invitee joins (or declines) from the circle's
 * page, and is told (a notification, an email if they want one). Members and invitations together stay
 * within eight places.
 */
export async function inviteToCircle(
  deps: ServiceDeps,
  actor: Actor,
  circleId: string,
  userId: string,
): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const { community, membership, circle, subject } = await loadCircle(tx, actor, circleId, { lock: true });
    enforce(mayInviteToCircle(community, membership, subject));
    const [known] = await listCommunityMemberIdsAmong(tx, community.id, [userId]);
    if (!known) throw fieldError('userId', 'circles.validation.inviteesMembers');
    const seats = await countCircleSeats(tx, circle.id);
    if (seats.members + seats.invited >= circleMembersMax)
      throw new AppError('conflict', 'circles.errors.full');
    if ((await findCircle(tx, circle.id, userId))?.viewerStatus)
      throw new AppError('conflict', 'circles.errors.alreadyInvited');
    await upsertCircleMembers(tx, circle.id, [{ userId, status: 'invited', invitedBy: actor.id }]);
    await notifyCircleInvitees(deps, tx, outbox, actor, circle, [userId]);
  });
}
