import { z } from 'zod';
import { migrationRef } from './migrations.ts';

/** The backup format this code writes and the newest it reads. */
export const backupFormat = 1;

/** Where each part sits in the archive. The manifest is the last entry: it holds every checksum. */
export const archivePaths = {
  manifest: 'copse-backup/manifest.json',
  tablePart: (table: string, part: number) =>
    `copse-backup/tables/${table}/${String(part).padStart(5, '0')}.jsonl`,
  file: (key: string) => `copse-backup/files/${key}`,
  tablePrefix: 'copse-backup/tables/',
  filePrefix: 'copse-backup/files/',
};

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const backupManifest = z.object({
  format: z.number().int().min(1),
  copseVersion: z.string(),
  createdAt: z.iso.datetime(),
  database: z.enum(['pglite', 'postgres']),
  migration: migrationRef,
  tables: z.array(
    z.object({
      name: z.string().min(1),
      rows: z.number().int().min(0),
      /** Order-independent checksum of the rows (RowChecksum), checked again in the restored database. */
      checksum: z.string().regex(/^\d+$/),
      /** SHA-256 of the table's parts, one after the other, as stored in the archive. */
      sha256,
      parts: z.number().int().min(0),
    }),
  ),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string(), isCalled: z.boolean() })),
  /** `not-included` in the move to PostgreSQL, where the uploads stay in the same Storage. */
  uploads: z.enum(['included', 'not-included']),
  files: z.array(z.object({ key: z.string().min(1), size: z.number().int().min(0), sha256 })),
  /**
   * The secret key that seals two-factor and identity-provider secrets: its fingerprint, and the key
   * file itself when the installation keeps it in DATA_DIR/secret.key (not when SECRET_KEY is set).
   */
  secretKey: z.object({ check: z.string().min(1), file: z.string().min(1).optional() }).optional(),
  /** pg-boss's schema is not backed up: the restored server makes its queues and schedules again. */
  jobs: z.literal('not-included'),
});
export type BackupManifest = z.infer<typeof backupManifest>;

/** A backup refused, or one that cannot be made: the message says why and what to do. */
export class BackupError extends Error {}
