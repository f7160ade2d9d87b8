import { parse } from 'csv-parse/sync';
import type { MembershipRole } from '../../../common/enums.ts';
import { emailField } from '../../../common/fields.ts';
import { unsafeTextProblem } from '../../../common/safe-text.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../plugins/auth.ts';
import { canManageCommunity } from '../../policies/communities.ts';
import type { ServiceDeps } from '../context.ts';
import { dispatchEmails } from '../mail/outbox.ts';
import { classifyInvitees, createEmailInvitations } from './invite-by-email.ts';
import { authorizeWrite, loadVisibleCommunity } from './load-community.ts';

export const maxCsvRows = 2000;
export const maxCsvBytes = 512 * 1024;

export type CsvRowStatus = 'ok' | 'invited' | 'invalid' | 'duplicate' | 'already_member' | 'already_invited';

export interface CsvRowReport {
  line: number;
  email: string;
  name: string;
  status: CsvRowStatus;
  message: string;
}

const messages: Record<CsvRowStatus, string> = {
  ok: 'Will be invited.',
  invited: 'Invited.',
  invalid: 'Not a valid email address.',
  duplicate: 'This address appears earlier in the file.',
  already_member: 'Already a member.',
  already_invited: 'Already invited; the invitation is still open.',
};

/** Reads a cohort file: UTF-8 text, header `email` (and optionally `name`), at most 2,000 rows. */
export function parseCohortCsv(bytes: Buffer): { email: string; name: string; line: number }[] {
  if (bytes.length === 0) throw new AppError('validation_failed', 'The file is empty.', { file: 'empty' });
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) {
    throw new AppError('unsupported_media_type', 'That is not a CSV text file.', { file: 'not text' });
  }
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as string[][];
  } catch {
    throw new AppError('validation_failed', 'The file could not be read as CSV.', { file: 'not CSV' });
  }
  const [header, ...rows] = records;
  // NUL bytes in the header mean a binary or UTF-16 file; in a row they are that row's problem.
  if (header?.some((cell) => cell.includes('\u0000'))) {
    throw new AppError('unsupported_media_type', 'That is not a CSV text file.', { file: 'not text' });
  }
  const columns = (header ?? []).map((cell) => cell.toLowerCase());
  const emailColumn = columns.indexOf('email');
  if (emailColumn === -1 || columns.some((column) => column !== 'email' && column !== 'name')) {
    throw new AppError(
      'validation_failed',
      'The first line must be the header "email,name" (name is optional).',
      {
        file: 'wrong header',
      },
    );
  }
  if (rows.length === 0)
    throw new AppError('validation_failed', 'The file has no rows after the header.', { file: 'empty' });
  if (rows.length > maxCsvRows) {
    throw new AppError(
      'validation_failed',
      `A file can hold at most ${maxCsvRows.toLocaleString('en-GB')} people.`,
      {
        file: 'too many rows',
      },
    );
  }
  refuseUnsafeCells(columns, rows);
  const nameColumn = columns.indexOf('name');
  return rows.map((row, index) => ({
    email: (row[emailColumn] ?? '').trim(),
    name: nameColumn === -1 ? '' : (row[nameColumn] ?? '').trim(),
    line: index + 2,
  }));
}

/** A cell holding a NUL or a lone surrogate is refused with its line and column (`line.3.name`). */
function refuseUnsafeCells(columns: string[], rows: string[][]): void {
  for (const [index, row] of rows.entries()) {
    for (const [column, cell] of row.entries()) {
      const problem = unsafeTextProblem(cell);
      if (!problem) continue;
      const name = columns[column] ?? `column ${column + 1}`;
      throw new AppError('validation_failed', `Line ${index + 2}, ${name}: ${problem}`, {
        [`line.${index + 2}.${name}`]: problem,
      });
    }
  }
}

/**
 * Bulk invitation of a course cohort from a CSV file. With `dryRun` it only reports what each row
 * would do; otherwise it invites the valid rows and reports each row's outcome. Nothing is written
 * when the file itself is unusable.
 */
export async function inviteCohortCsv(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  options: { bytes: Buffer; role: MembershipRole; dryRun: boolean },
) {
  const rows = parseCohortCsv(options.bytes);
  const outcome = await deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: !options.dryRun });
    authorizeWrite(canManageCommunity(actor, community, membership), community);
    const seen = new Set<string>();
    const reports: CsvRowReport[] = rows.map((row) => {
      const parsed = emailField.safeParse(row.email);
      if (!parsed.success) return { ...row, status: 'invalid', message: messages.invalid };
      const email = parsed.data;
      if (seen.has(email)) return { ...row, email, status: 'duplicate', message: messages.duplicate };
      seen.add(email);
      return { ...row, email, status: 'ok', message: messages.ok };
    });
    const { status } = await classifyInvitees(tx, community.id, [...seen]);
    for (const report of reports) {
      const known = report.status === 'ok' ? status.get(report.email) : undefined;
      if (known) Object.assign(report, { status: known, message: messages[known] });
    }
    const toInvite = reports.filter((report) => report.status === 'ok').map((report) => report.email);
    if (options.dryRun || toInvite.length === 0) return { reports, messageIds: [] as string[] };
    const created = await createEmailInvitations(tx, deps, actor, community, {
      emails: toInvite,
      role: options.role,
      message: '',
    });
    for (const report of reports) {
      if (report.status === 'ok') Object.assign(report, { status: 'invited', message: messages.invited });
    }
    return { reports, messageIds: created.messageIds };
  });
  await dispatchEmails(deps.jobs, outcome.messageIds);
  return {
    rows: outcome.reports,
    invited: outcome.reports.filter((report) => report.status === 'invited').length,
  };
}
