import { CsvError, parse } from 'csv-parse/sync';
import type { MembershipRole } from '../../../common/enums.ts';
import { emailField } from '../../../common/fields.ts';
import { unsafeTextMessageId, unsafeTextProblem } from '../../../common/safe-text.ts';
import { AppError, message } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayManageCommunity } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import type { ServiceDeps } from '../context.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { classifyInvitees, createEmailInvitations } from './invite-by-email.ts';
import { loadVisibleCommunity } from './load-community.ts';

export const maxCsvRows = 2000;
export const maxCsvBytes = 512 * 1024;
/** A name longer than this is cut when stored (the report shows it whole). */
const maxNameLength = 200;

export type CsvRowStatus =
  | 'ok'
  | 'invited'
  | 'unreadable'
  | 'invalid'
  | 'duplicate'
  | 'already_member'
  | 'already_invited';

export interface CsvRowReport {
  line: number;
  email: string;
  name: string;
  status: CsvRowStatus;
  message: string;
}

const messages: Record<Exclude<CsvRowStatus, 'unreadable'>, string> = {
  ok: 'Will be invited.',
  invited: 'Invited.',
  invalid: 'Not a valid email address.',
  duplicate: 'This address appears earlier in the file.',
  already_member: 'Already a member.',
  already_invited: 'Already invited; the invitation is still open.',
};

/** A line of the file: its cells, or why it could not be read (then it is skipped, not the file). */
export interface CohortLine {
  line: number;
  email: string;
  name: string;
  problem?: string;
}

// What csv-parse reports about one line, in words a leader can act on.
const lineProblems: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quote (") opens a field that does not close on this line',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text follows a closing quote (") before the next comma',
  CSV_INVALID_CLOSING_QUOTE: 'text follows a closing quote (") before the next comma',
};

/**
 * One line as CSV cells. Each line is read on its own, so a broken quote spoils its own line and not
 * every line after it (a cohort file has one person per line; a field cannot span lines). Quotes inside
 * an unquoted field are kept as written (`Ana "Nan" Silva`).
 */
function readLine(text: string): { cells: string[] } | { problem: string } {
  try {
    const [cells = []] = parse(text, {
      trim: true,
      relax_quotes: true,
      relax_column_count: true,
    }) as string[][];
    return { cells };
  } catch (error) {
    const reason = (error instanceof CsvError && lineProblems[error.code]) || 'it is not valid CSV';
    const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    return {
      problem: `This line could not be read: ${reason} (${shown}). Correct it and import it again, or invite this person by email.`,
    };
  }
}

/**
 * Reads a cohort file: UTF-8 text, header `email` (and optionally `name`), at most 2,000 rows. The file
 * as a whole is refused only when it cannot be a cohort file (empty, binary, wrong header, too long);
 * a line that is not valid CSV is reported with its line number and the rest are read.
 */
export function parseCohortCsv(bytes: Buffer): CohortLine[] {
  if (bytes.length === 0) throw new AppError('validation_failed', 'errors.upload.empty', { file: 'empty' });
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) {
    throw new AppError('unsupported_media_type', 'errors.invitations.notCsv', { file: 'not text' });
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((content, index) => ({ content, line: index + 1 }))
    .filter(({ content }) => content.trim() !== '');
  const [first, ...rest] = lines;
  // NUL bytes in the header mean a binary or UTF-16 file; in a row they are that row's problem.
  if (first?.content.includes('\u0000')) {
    throw new AppError('unsupported_media_type', 'errors.invitations.notCsv', { file: 'not text' });
  }
  const header = first ? readLine(first.content) : undefined;
  const columns = header && 'cells' in header ? header.cells.map((cell) => cell.toLowerCase()) : [];
  const emailColumn = columns.indexOf('email');
  if (emailColumn === -1 || columns.some((column) => column !== 'email' && column !== 'name')) {
    throw new AppError('validation_failed', 'errors.invitations.csvHeader', {
      file: 'wrong header',
    });
  }
  if (rest.length === 0)
    throw new AppError('validation_failed', 'errors.invitations.csvNoRows', { file: 'empty' });
  if (rest.length > maxCsvRows) {
    throw new AppError(
      'validation_failed',
      message('errors.invitations.csvTooManyRows', { max: maxCsvRows }),
      {
        file: 'too many rows',
      },
    );
  }
  const nameColumn = columns.indexOf('name');
  return rest.map(({ content, line }) => {
    const read = readLine(content);
    if ('problem' in read) {
      refuseUnsafeText(`line.${line}`, { line }, content);
      return { line, email: '', name: '', problem: read.problem };
    }
    for (const [column, cell] of read.cells.entries()) {
      const name = columns[column] ?? `column ${column + 1}`;
      refuseUnsafeText(`line.${line}.${name}`, { line, column: name }, cell);
    }
    return {
      line,
      email: read.cells[emailColumn] ?? '',
      name: nameColumn === -1 ? '' : (read.cells[nameColumn] ?? ''),
    };
  });
}

/** Text PostgreSQL cannot store (a NUL, a lone surrogate) is refused with its line and column (`line.3.name`). */
function refuseUnsafeText(field: string, where: { line: number; column?: string }, text: string): void {
  const found = unsafeTextProblem(text);
  if (!found) return;
  const problem = { id: unsafeTextMessageId(found) };
  const refusal = where.column
    ? message('errors.invitations.csvCellProblem', { line: where.line, column: where.column, problem })
    : message('errors.invitations.csvLineProblem', { line: where.line, problem });
  throw new AppError('validation_failed', refusal, { [field]: problem });
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
  const outcome = await unitOfWork(deps, async (tx, outbox) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: !options.dryRun });
    enforce(mayManageCommunity(actor, community, membership));
    const seen = new Set<string>();
    const reports: CsvRowReport[] = rows.map(({ problem, ...row }) => {
      if (problem) return { ...row, status: 'unreadable', message: problem };
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
    const toInvite = reports.filter((report) => report.status === 'ok');
    if (options.dryRun || toInvite.length === 0) return { reports };
    await createEmailInvitations(tx, outbox, deps, actor, community, {
      emails: toInvite.map((report) => report.email),
      names: new Map(toInvite.map((report) => [report.email, report.name.slice(0, maxNameLength)])),
      role: options.role,
      message: '',
    });
    for (const report of reports) {
      if (report.status === 'ok') Object.assign(report, { status: 'invited', message: messages.invited });
    }
    return { reports };
  });
  return {
    rows: outcome.reports,
    invited: outcome.reports.filter((report) => report.status === 'invited').length,
  };
}
