import { fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { isVolunteering, mayChangeRoleHolder } from '../../policies/meetings.ts';
import { deleteRoleAssignment, findRoleHolder, upsertRoleAssignment } from '../../queries/meeting-roles.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { resolveActivityRole } from './activity-roles.ts';
import { loadVisibleMeeting, nonMembersAmong, refuseIfCancelled } from './load-meeting.ts';

/**
 * Gives an activity role at a meeting to someone (leaders, the meeting's editors and its host), to
 * oneself (any member volunteers for an open role), or to nobody (`userId` null: the assigner, or the
 * holder stepping back). The person given a role by someone else is told.
 */
export async function assignMeetingRole(
  deps: ServiceDeps,
  actor: Actor,
  meetingId: string,
  input: { role: string; userId: string | null },
): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const { meeting, community, membership, isHost } = await loadVisibleMeeting(tx, actor, meetingId, {
      lock: true,
    });
    refuseIfCancelled(meeting);
    const role = await resolveActivityRole(tx, community.id, input.role);
    const holder = await findRoleHolder(tx, meetingId, role);
    const change = { userId: input.userId, holder: holder ?? null };
    const volunteering = isVolunteering(actor, change);
    enforce(mayChangeRoleHolder(actor, community, membership, meeting, isHost, change));
    if (input.userId === null) {
      await deleteRoleAssignment(tx, meetingId, role);
      return;
    }
    if ((await nonMembersAmong(tx, community.id, [input.userId])).length > 0) {
      throw fieldError('userId', 'errors.meetings.rolesForMembers');
    }
    await upsertRoleAssignment(tx, { meetingId, role, userId: input.userId, volunteered: volunteering });
    if (volunteering || holder?.userId === input.userId) return;
    await notifyUser(tx, outbox, deps.env.publicUrl, {
      userId: input.userId,
      kind: 'meeting.update',
      title: phrase('notify.meeting.roleAssigned.title', {
        role: role.toLowerCase(),
        meeting: meeting.title,
      }),
      body: phrase('notify.meeting.roleAssigned.body', { name: actor.displayName }),
      url: `/meetings/${meetingId}`,
    });
  });
}
