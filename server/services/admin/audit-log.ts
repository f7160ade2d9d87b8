import type { AuditFilterQuery } from '../../../common/contracts/admin.ts';
import { toCsv } from '../../../common/csv.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayAdministerInstitution } from '../../policies/administration.ts';
import { enforce } from '../../policies/decision.ts';
import { type AuditFilters, listAuditEntries } from '../../queries/audit.ts';
import type { ServiceDeps } from '../context.ts';

/** The most entries one CSV file holds (newest first); narrower filters reach older ones. */
export const auditCsvMaxRows = 10_000;

const dayMs = 24 * 60 * 60 * 1000;

/** The query's filters as the audit query takes them: whole UTC days, the end day included. */
function filtersOf(query: AuditFilterQuery): AuditFilters {
  const actions = query.action === undefined ? undefined : [query.action].flat();
  return {
    actions,
    actorId: query.actor,
    subjectType: query.subjectType,
    subjectId: query.subjectId,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    before: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + dayMs) : undefined,
    text: query.q || undefined,
  };
}

/** Administrators search the audit log: the filtered entries, newest first, a page at a time. */
export async function searchAuditLog(
  deps: ServiceDeps,
  actor: Actor,
  query: AuditFilterQuery & { cursor?: string | undefined; limit: number },
) {
  enforce(mayAdministerInstitution(actor));
  return listAuditEntries(deps.database.db, {
    ...filtersOf(query),
    cursor: query.cursor,
    limit: query.limit,
  });
}

/**
 * The filtered entries as CSV (newest first, at most `auditCsvMaxRows`), through `toCsv` so no cell is
 * read as a formula. The data column is the entry's data as JSON (already without secrets).
 */
export async function exportAuditLog(
  deps: ServiceDeps,
  actor: Actor,
  query: AuditFilterQuery,
): Promise<string> {
  enforce(mayAdministerInstitution(actor));
  const { page } = await listAuditEntries(deps.database.db, { ...filtersOf(query), limit: auditCsvMaxRows });
  return toCsv(
    ['created_at', 'action', 'actor_id', 'actor_name', 'subject_type', 'subject_id', 'subject_name', 'data'],
    page.map(({ entry, actorName, subjectName }) => [
      entry.createdAt.toISOString(),
      entry.action,
      entry.actorId,
      actorName,
      entry.subjectType,
      entry.subjectId,
      subjectName,
      JSON.stringify(entry.data),
    ]),
  );
}
