import type { CreateCircleInput } from '../../../common/contracts/circles.ts';
import { fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayCreateCircle } from '../../policies/circles.ts';
import { enforce } from '../../policies/decision.ts';
import { recordActivity } from '../../queries/activity.ts';
import { insertCircle, listCommunityMemberIdsAmong, upsertCircleMembers } from '../../queries/circles.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { todayUtc } from './load-circle.ts';
import { notifyCircleInvitees } from './notify-invitees.ts';

/**
 * Forms a circle in a community: the creator is its first member and those named are invited (members
 * of the community, at most seven). No leader approves it. It starts as forming; a member starts it once
 * three have joined. The invitees are told (a notification, an email if they want one). Bad input is
 * refused naming the field before anything is written.
 */
export async function createCircle(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: CreateCircleInput,
): Promise<string> {
  // A day's slack: the person's calendar may still be on yesterday.
  const yesterday = todayUtc(new Date(Date.now() - 86_400_000));
  if (input.startsOn < yesterday) throw fieldError('startsOn', 'circles.validation.startsInPast');
  return unitOfWork(deps, async (tx, outbox) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug);
    enforce(mayCreateCircle(actor, community, membership));
    const invitees = input.inviteeIds.filter((id) => id !== actor.id);
    const known = await listCommunityMemberIdsAmong(tx, community.id, invitees);
    if (known.length !== invitees.length)
      throw fieldError('inviteeIds', 'circles.validation.inviteesMembers');
    const circleId = await insertCircle(tx, {
      communityId: community.id,
      createdBy: actor.id,
      name: input.name,
      purpose: input.purpose,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      open: input.open,
    });
    await upsertCircleMembers(tx, circleId, [
      { userId: actor.id, status: 'member' },
      ...invitees.map((userId) => ({ userId, status: 'invited' as const, invitedBy: actor.id })),
    ]);
    await recordActivity(tx, {
      communityId: community.id,
      actorId: actor.id,
      kind: 'circle.joined',
      subjectType: 'circle',
      subjectId: circleId,
    });
    await notifyCircleInvitees(
      deps,
      tx,
      outbox,
      actor,
      { id: circleId, name: input.name, communityId: community.id },
      invitees,
    );
    return circleId;
  });
}
