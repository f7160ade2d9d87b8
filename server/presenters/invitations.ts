import type { OpenInvitationRow } from '../queries/invitations.ts';

/** An open invitation as leaders see it; a pending one past its date shows as expired. */
export function presentOpenInvitation(row: OpenInvitationRow, now = Date.now()) {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: row.expiresAt.getTime() <= now ? 'expired' : row.status,
    uses: row.uses,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    invitedBy: row.invitedByName,
  };
}
