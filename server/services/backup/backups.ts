import type { z } from 'zod';
import type { backupMadeSchema, backupsSchema } from '../../../common/contracts/backups.ts';
import { type BackupFile, backUpInto, listBackupFiles } from '../../db/backup/retention.ts';
import { backupDir } from '../../env.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayBackUpInstallation } from '../../policies/administration.ts';
import { enforce } from '../../policies/decision.ts';
import { recordAudit } from '../../queries/audit.ts';
import type { ServiceDeps } from '../context.ts';

const present = (file: BackupFile) => ({
  name: file.name,
  createdAt: file.createdAt.toISOString(),
  size: file.size,
});

/** The backups in BACKUP_DIR, newest first, with the schedule and retention they follow. */
export async function listBackups(deps: ServiceDeps, actor: Actor): Promise<z.infer<typeof backupsSchema>> {
  enforce(mayBackUpInstallation(actor));
  const files = await listBackupFiles(backupDir(deps.env));
  return { backups: files.map(present), schedule: deps.env.BACKUP_SCHEDULE, keep: deps.env.BACKUP_KEEP };
}

/**
 * "Back up now": a backup into BACKUP_DIR as the schedule makes it (the oldest beyond BACKUP_KEEP then
 * deleted), recorded in the audit log.
 */
export async function backUpNow(deps: ServiceDeps, actor: Actor): Promise<z.infer<typeof backupMadeSchema>> {
  enforce(mayBackUpInstallation(actor));
  const dir = backupDir(deps.env);
  const run = await backUpInto({
    database: deps.database,
    storage: deps.storage,
    dir,
    keep: deps.env.BACKUP_KEEP,
    secrets: deps.env,
  });
  const made = (await listBackupFiles(dir)).find((file) => file.file === run.file);
  if (!made) throw new Error(`The backup ${run.file} is missing right after it was written.`);
  await recordAudit(deps.database.db, {
    actorId: actor.id,
    action: 'backup.create',
    subjectType: 'backup',
    data: { name: made.name, deleted: run.deleted },
  });
  return {
    backup: present(made),
    tables: run.manifest.tables.length,
    files: run.manifest.files.length,
    deleted: run.deleted,
  };
}
