import { AppError, message, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { hashToken } from '../../lib/crypto.ts';
import { recordActivity } from '../../queries/activity.ts';
import { lockCommunity, updateMemberCount } from '../../queries/communities.ts';
import { insertMemberIfAbsent } from '../../queries/community-members.ts';
import {
  findInvitationByTokenHash,
  incrementInvitationUses,
  updateInvitationAccepted,
  updateInvitationDeclined,
} from '../../queries/invitations.ts';
import { findInvitationProject } from '../../queries/projects.ts';
import type { ServiceDeps } from '../context.ts';
import { joinProjectAsPartner } from '../projects/partners.ts';
import { invitationNoLongerValid } from './invite-link.ts';

/** What the invitation page shows; the token itself is the right to see the community's summary. */
export async function viewInvitation(deps: ServiceDeps, token: string) {
  const invitation = await findInvitationByTokenHash(deps.database.db, hashToken(token));
  if (!invitation) throw notFound('errors.notFound.invitation');
  const project = await findInvitationProject(deps.database.db, invitation.id);
  const state =
    invitation.status === 'revoked'
      ? 'revoked'
      : invitation.status !== 'pending'
        ? 'used'
        : invitation.expired
          ? 'expired'
          : 'valid';
  return {
    invitation,
    state,
    project: project ? { id: project.projectId, title: project.title } : null,
  } as const;
}

/**
 * Accepts an invitation: the person becomes a member with the invited role. An email invitation is for
 * its address only and is used once; a link works for anyone signed in until it expires or is revoked.
 */
export async function acceptInvitation(deps: ServiceDeps, actor: Actor, token: string) {
  return deps.database.db.transaction(async (tx) => {
    const invitation = await findInvitationByTokenHash(tx, hashToken(token));
    if (!invitation) throw notFound('errors.notFound.invitation');
    await lockCommunity(tx, invitation.communityId);
    const invalid = invitationNoLongerValid(invitation.status, invitation.expired);
    if (invalid) throw invalid;
    if (invitation.stage === 'archived') throw new AppError('forbidden', 'errors.communities.archived');
    if (invitation.email && invitation.email !== actor.email.toLowerCase()) {
      throw new AppError(
        'forbidden',
        message('errors.invitations.otherAddressSignIn', { email: invitation.email }),
      );
    }
    const project = await findInvitationProject(tx, invitation.id);
    if (project) {
      // A partner's invitation (#18 §4): a project-only guest membership and a place in the project.
      await joinProjectAsPartner(tx, actor, invitation.communityId, project.projectId);
      await updateInvitationAccepted(tx, invitation.id, actor.id);
      return { slug: invitation.slug, projectId: project.projectId };
    }
    const member = { communityId: invitation.communityId, userId: actor.id, role: invitation.role };
    if (!(await insertMemberIfAbsent(tx, member)))
      throw new AppError('conflict', 'errors.communities.alreadyMember');
    await updateMemberCount(tx, invitation.communityId, 1);
    await recordActivity(tx, {
      communityId: invitation.communityId,
      actorId: actor.id,
      kind: 'member.joined',
      subjectType: 'community',
      subjectId: invitation.communityId,
    });
    // An email invitation is used once; a link counts its uses.
    if (invitation.email) await updateInvitationAccepted(tx, invitation.id, actor.id);
    else await incrementInvitationUses(tx, invitation.id);
    return { slug: invitation.slug, projectId: null };
  });
}

/** Declines an email invitation (a link is simply not used). */
export async function declineInvitation(deps: ServiceDeps, actor: Actor, token: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const invitation = await findInvitationByTokenHash(tx, hashToken(token));
    if (!invitation) throw notFound('errors.notFound.invitation');
    const invalid = invitationNoLongerValid(invitation.status, invitation.expired);
    if (invalid) throw invalid;
    if (!invitation.email) throw new AppError('conflict', 'errors.invitations.linkNeedsNoAnswer');
    if (invitation.email !== actor.email.toLowerCase()) {
      throw new AppError(
        'forbidden',
        message('errors.invitations.otherAddress', { email: invitation.email }),
      );
    }
    await updateInvitationDeclined(tx, invitation.id);
  });
}
