import { z } from 'zod';

/** One backup file in BACKUP_DIR, as administrators see it (Admin → Backups). */
export const backupSchema = z.object({
  name: z.string(),
  createdAt: z.iso.datetime(),
  size: z.number().int().min(0),
});
export type Backup = z.infer<typeof backupSchema>;

/** The backups in BACKUP_DIR, newest first, and what the schedule is. */
export const backupsSchema = z.object({
  backups: z.array(backupSchema),
  /** The cron expression (UTC) of the scheduled backup, or `off`. */
  schedule: z.string(),
  keep: z.number().int().min(1),
});

/** A backup just made ("Back up now"), and the names the retention deleted. */
export const backupMadeSchema = z.object({
  backup: backupSchema,
  tables: z.number().int().min(0),
  files: z.number().int().min(0),
  deleted: z.array(z.string()),
});
