import type { InvitePartnerInput } from '../../../common/contracts/projects.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayManageProject } from '../../policies/projects.ts';
import { insertMemberIfAbsent, listUsersByEmailWithRole } from '../../queries/community-members.ts';
import {
  findPendingEmailInvitationId,
  insertProjectInvitation,
  listOrdinaryMemberIdsAmong,
  listProjectMemberIdsAmong,
  upsertProjectMembers,
} from '../../queries/projects.ts';
import { createEmailInvitations } from '../communities/invite-by-email.ts';
import type { ServiceDeps } from '../context.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { loadProject } from './load-project.ts';

/**
 * A project's lead invites an external partner by email (#18 §4). It is the community's email invitation
 * with role guest, marked as for the project: accepting it (`joinProjectAsPartner`) makes the person a
 * project-only guest of the community and a partner in the project. Someone already in the community
 * (a member, or a partner in another of its projects) is added to the project at once.
 */
export async function invitePartner(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: InvitePartnerInput,
): Promise<'invited' | 'added'> {
  return unitOfWork(deps, async (tx, outbox) => {
    const { community, membership, project, subject } = await loadProject(tx, actor, projectId, {
      lock: true,
    });
    enforce(mayManageProject(community, membership, subject));
    const [known] = await listUsersByEmailWithRole(tx, community.id, [input.email]);
    if (known?.memberRole) {
      if ((await listProjectMemberIdsAmong(tx, project.id, [known.id])).length > 0)
        throw new AppError('conflict', 'projects.errors.alreadyMember');
      const ordinary = await listOrdinaryMemberIdsAmong(tx, community.id, [known.id]);
      await upsertProjectMembers(tx, project.id, [
        { userId: known.id, role: ordinary.length > 0 ? 'member' : 'partner' },
      ]);
      return 'added';
    }
    const { results } = await createEmailInvitations(tx, outbox, deps, actor, community, {
      emails: [input.email],
      role: 'guest',
      message: input.message,
      project: project.title,
      names: new Map([[input.email, input.name]]),
    });
    if (results[0]?.status !== 'invited') throw new AppError('conflict', 'projects.errors.alreadyInvited');
    const invitationId = await findPendingEmailInvitationId(tx, community.id, input.email);
    if (!invitationId) throw new Error('invitePartner: the invitation just written is missing');
    await insertProjectInvitation(tx, invitationId, project.id);
    return 'invited';
  });
}

/**
 * Accepting a partner's invitation (inside the acceptance's transaction): a project-only guest membership
 * of the community (none is added for someone already in it) and a place in the project, as a partner
 * (or a member, for someone who belongs to the community). The member count does not change: a partner
 * is not one of the community's members.
 */
export async function joinProjectAsPartner(
  tx: Db,
  actor: Actor,
  communityId: string,
  projectId: string,
): Promise<void> {
  await insertMemberIfAbsent(tx, { communityId, userId: actor.id, role: 'guest', projectOnly: true });
  const ordinary = await listOrdinaryMemberIdsAmong(tx, communityId, [actor.id]);
  await upsertProjectMembers(tx, projectId, [
    { userId: actor.id, role: ordinary.length > 0 ? 'member' : 'partner' },
  ]);
}
