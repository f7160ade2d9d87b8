import { type BackupRun, backUpInto } from '../../db/backup/retention.ts';
import type { Database } from '../../db/client.ts';
import type { SecretKeySource } from '../../lib/secret-box.ts';
import type { Storage } from '../../lib/storage.ts';

/**
 * The scheduled backup (pg-boss's `backup.scheduled`, BACKUP_SCHEDULE): a backup of the whole
 * installation into BACKUP_DIR, then the oldest beyond BACKUP_KEEP are deleted. A failure throws, so
 * pg-boss retries it and the error is logged.
 */
export async function runScheduledBackup(
  deps: { database: Database; storage: Storage },
  settings: { dir: string; keep: number; secrets: SecretKeySource },
): Promise<BackupRun> {
  const run = await backUpInto({ ...deps, ...settings });
  console.info(
    `Backup written: ${run.file} (${run.manifest.tables.length} tables, ${run.manifest.files.length} files)` +
      (run.deleted.length > 0 ? `; deleted the older ${run.deleted.join(', ')}` : ''),
  );
  return run;
}
