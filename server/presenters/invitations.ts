import { toCsv } from '../../common/csv.ts';
import { membershipRoleLabels } from '../../common/enums.ts';
import type { OpenInvitationRow } from '../queries/invitations.ts';

type InvitationRow = Omit<OpenInvitationRow, 'cursorAt'>;

const isExpired = (row: InvitationRow, now: number) => row.expiresAt.getTime() <= now;

/** An open invitation as leaders see it; a pending one past its date shows as expired. */
export function presentOpenInvitation(row: InvitationRow, now = Date.now()) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: isExpired(row, now) ? 'expired' : row.status,
    uses: row.uses,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    invitedBy: row.invitedByName,
  };
}

/**
 * The open invitations as a CSV file for a spreadsheet, through `toCsv` (names and addresses from a
 * cohort file are neutralised there, so a cell cannot run as a formula). Times are UTC, ISO 8601.
 */
export function openInvitationsCsv(rows: InvitationRow[], now = Date.now()): string {
  return toCsv(
    ['Email', 'Name', 'Kind', 'Role', 'Status', 'Invited by', 'Sent (UTC)', 'Expires (UTC)', 'Uses'],
    rows.map((row) => [
      row.email,
      row.name,
      row.email === null ? 'Shareable link' : 'Email invitation',
      membershipRoleLabels[row.role],
      isExpired(row, now) ? 'Expired' : 'Open',
      row.invitedByName,
      row.createdAt.toISOString(),
      row.expiresAt.toISOString(),
      row.uses,
    ]),
  );
}
