import type { MembershipRole } from '../../../common/enums.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { hashToken, newToken } from '../../lib/crypto.ts';
import { mayManageCommunity } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import { insertInvitation, updateInvitationRevoked } from '../../queries/invitations.ts';
import type { ServiceDeps } from '../context.ts';
import { loadVisibleCommunity } from './load-community.ts';

/** A shareable link anyone signed in can use to join, until it expires or is revoked. */
export async function createInviteLink(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  options: { expiresInDays: number; role: MembershipRole },
) {
  return deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: true });
    enforce(mayManageCommunity(actor, community, membership));
    const token = newToken();
    const link = await insertInvitation(tx, {
      communityId: community.id,
      tokenHash: hashToken(token),
      email: null,
      role: options.role,
      invitedBy: actor.id,
      expiresAt: new Date(Date.now() + options.expiresInDays * 24 * 60 * 60 * 1000),
    });
    if (!link) throw new Error('the link was not stored');
    return { id: link.id, url: `${deps.env.publicUrl}/invitations/${token}`, expiresAt: link.expiresAt };
  });
}

/** Revokes an email invitation or a link: its token stops working at once. */
export async function revokeInvitation(deps: ServiceDeps, actor: Actor, slug: string, invitationId: string) {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: true });
    enforce(mayManageCommunity(actor, community, membership));
    if (!(await updateInvitationRevoked(tx, community.id, invitationId)))
      throw notFound('errors.notFound.invitation');
  });
}

export function invitationNoLongerValid(status: string, expired: boolean): AppError | undefined {
  if (status === 'revoked') return new AppError('conflict', 'errors.invitations.withdrawn');
  if (status === 'accepted' || status === 'declined')
    return new AppError('conflict', 'errors.invitations.answered');
  if (expired) return new AppError('conflict', 'errors.invitations.expired');
  return undefined;
}
