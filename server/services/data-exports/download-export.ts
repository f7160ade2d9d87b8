import type { Readable } from 'node:stream';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { hashToken } from '../../lib/crypto.ts';
import { mayDownloadExport } from '../../policies/data-exports.ts';
import { enforce } from '../../policies/decision.ts';
import { recordAudit } from '../../queries/audit.ts';
import {
  clearDataExportFile,
  expireDataExports,
  findDataExportByToken,
  listReleasableExportFiles,
  markDataExportDownloaded,
} from '../../queries/data-exports.ts';
import type { ServiceDeps } from '../context.ts';

/**
 * Opens a ready export through its one-time link, for the person who asked (signed in): the request is
 * consumed in the same transaction that finds it (a second use answers 410), the download is audited,
 * and the zip is streamed from the storage; the cleanup job deletes it afterwards.
 */
export async function openExportDownload(
  deps: ServiceDeps,
  actor: Actor | null,
  token: string,
): Promise<{ body: Readable; size: number; fileName: string }> {
  const { key, createdAt } = await deps.database.db.transaction(async (tx) => {
    const request = await findDataExportByToken(tx, hashToken(token));
    enforce(mayDownloadExport(actor, request));
    if (!request?.storageKey || !actor) throw new AppError('gone', 'errors.dataExport.expired');
    await markDataExportDownloaded(tx, request.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'account.export.downloaded',
      subjectType: 'user',
      subjectId: request.userId,
      data: { exportId: request.id },
    });
    return { key: request.storageKey, createdAt: request.createdAt };
  });
  const file = await deps.storage.read(key);
  if (!file) throw new AppError('gone', 'errors.dataExport.expired');
  return { ...file, fileName: `copse-data-${createdAt.toISOString().slice(0, 10)}.zip` };
}

/**
 * The cleanup job (`exports.cleanup`): ready exports past their seven days expire, and the zips of
 * downloaded, expired and failed requests are deleted from the storage (the rows stay, as the record).
 */
export async function cleanUpDataExports(deps: Pick<ServiceDeps, 'database' | 'storage'>): Promise<number> {
  const { db } = deps.database;
  await expireDataExports(db, new Date());
  const files = await listReleasableExportFiles(db);
  for (const file of files) {
    await deps.storage.delete(file.key);
    await clearDataExportFile(db, file.id);
  }
  return files.length;
}
