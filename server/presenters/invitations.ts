import { toCsv } from '../../common/csv.ts';
import { membershipRoleMessages } from '../../common/enums.ts';
import type { Locale } from '../../common/i18n/locales.ts';
import { translator } from '../lib/i18n.ts';
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
 * cohort file are neutralised there, so a cell cannot run as a formula). Headings and words in
 * `locale`; times are UTC, ISO 8601, which every spreadsheet reads.
 */
export function openInvitationsCsv(rows: InvitationRow[], locale: Locale, now = Date.now()): string {
  const i18n = translator(locale);
  return toCsv(
    [
      i18n._('invitations.csv.email'),
      i18n._('invitations.csv.name'),
      i18n._('invitations.csv.kind'),
      i18n._('invitations.csv.role'),
      i18n._('invitations.csv.status'),
      i18n._('invitations.csv.invitedBy'),
      i18n._('invitations.csv.sent'),
      i18n._('invitations.csv.expires'),
      i18n._('invitations.csv.uses'),
    ],
    rows.map((row) => [
      row.email,
      row.name,
      i18n._(row.email === null ? 'invitations.csv.link' : 'invitations.csv.emailInvitation'),
      i18n._(membershipRoleMessages[row.role]),
      i18n._(isExpired(row, now) ? 'invitations.csv.expired' : 'invitations.csv.open'),
      row.invitedByName,
      row.createdAt.toISOString(),
      row.expiresAt.toISOString(),
      row.uses,
    ]),
  );
}
