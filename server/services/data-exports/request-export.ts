import type { AdminDataExportInput, DataExportState } from '../../../common/contracts/data-exports.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { hashToken, newToken } from '../../lib/crypto.ts';
import { mayExportUserData } from '../../policies/administration.ts';
import { mayRequestOwnExport } from '../../policies/data-exports.ts';
import { enforce } from '../../policies/decision.ts';
import { recordAudit } from '../../queries/audit.ts';
import {
  type DataExportRow,
  findLatestOwnDataExport,
  insertDataExport,
  replaceDataExportToken,
} from '../../queries/data-exports.ts';
import { findUserById } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { hitRateLimit } from '../rate-limit.ts';

/** A person asks for their data at most three times a day (each export reads all their records). */
const exportRequestsPerPerson = { max: 3, windowSeconds: 24 * 60 * 60 };

/** The state of a request as the person sees it (a ready one past its time is expired). */
export function presentExportState(row: DataExportRow | undefined): DataExportState {
  if (!row) {
    return {
      status: 'none',
      requestedAt: null,
      readyAt: null,
      expiresAt: null,
      downloadedAt: null,
      size: null,
    };
  }
  const expired = row.status === 'ready' && row.expiresAt !== null && row.expiresAt <= new Date();
  return {
    status: expired ? 'expired' : row.status,
    requestedAt: row.createdAt.toISOString(),
    readyAt: row.readyAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    downloadedAt: row.downloadedAt?.toISOString() ?? null,
    size: row.size,
  };
}

/** The state of the signed-in person's latest request for their own data. */
export async function getOwnExportState(deps: ServiceDeps, actor: Actor): Promise<DataExportState> {
  return presentExportState(await findLatestOwnDataExport(deps.database.db, actor.id));
}

/** Inserts the request (409 when one is being prepared already), then queues its job after the commit. */
async function startExport(
  deps: ServiceDeps,
  values: { userId: string; requestedBy: string; reason: string | null },
  audit: { actorId: string; data: Record<string, unknown> },
): Promise<DataExportRow> {
  const row = await deps.database.db.transaction(async (tx) => {
    await hitRateLimit(tx, `data-export:${values.requestedBy}:${values.userId}`, exportRequestsPerPerson);
    const inserted = await insertDataExport(tx, values);
    if (!inserted) throw new AppError('conflict', 'errors.dataExport.alreadyPreparing');
    await recordAudit(tx, {
      actorId: audit.actorId,
      action: 'account.export.requested',
      subjectType: 'user',
      subjectId: values.userId,
      data: { exportId: inserted.id, ...audit.data },
    });
    return inserted;
  });
  await deps.jobs.send('exports.build', { exportId: row.id });
  return row;
}

/** "Prepare my data": a signed-in person asks for a zip of their data, prepared in the background. */
export async function requestOwnExport(deps: ServiceDeps, actor: Actor): Promise<DataExportState> {
  enforce(mayRequestOwnExport(actor, await findLatestOwnDataExport(deps.database.db, actor.id)));
  const row = await startExport(
    deps,
    { userId: actor.id, requestedBy: actor.id, reason: null },
    { actorId: actor.id, data: {} },
  );
  return presentExportState(row);
}

/**
 * An administrator exports a person's data on a formal request: the link goes to the administrator,
 * and the audit log records who asked, for whom and why.
 */
export async function requestExportFor(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  input: AdminDataExportInput,
): Promise<DataExportState> {
  enforce(mayExportUserData(actor));
  const person = await findUserById(deps.database.db, userId);
  // An erased person has no data left to export (their erasure answers 404 alike).
  if (!person || person.erasedAt) throw notFound('errors.notFound.person');
  const row = await startExport(
    deps,
    { userId, requestedBy: actor.id, reason: input.reason },
    { actorId: actor.id, data: { reason: input.reason, formalRequest: true } },
  );
  return presentExportState(row);
}

/**
 * A fresh one-time link to the person's ready export, for the settings page (the emailed link is
 * replaced: only the newest works).
 */
export async function newOwnExportLink(deps: ServiceDeps, actor: Actor): Promise<{ url: string }> {
  const latest = await findLatestOwnDataExport(deps.database.db, actor.id);
  const state = presentExportState(latest);
  if (!latest || state.status !== 'ready') throw new AppError('conflict', 'errors.dataExport.notReady');
  const token = newToken();
  if (!(await replaceDataExportToken(deps.database.db, latest.id, actor.id, hashToken(token))))
    throw new AppError('conflict', 'errors.dataExport.notReady');
  return { url: `/api/me/export/${token}` };
}
