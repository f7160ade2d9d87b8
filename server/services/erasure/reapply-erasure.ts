import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type ErasureEntry, ledgerFileName } from '../../db/backup/erasure-ledger.ts';
import type { Database } from '../../db/client.ts';
import { backupDir, type Env } from '../../env.ts';
import { recipientLocale, translate } from '../../lib/i18n.ts';
import type { Storage } from '../../lib/storage.ts';
import { eraseUserRows, findErasureSubject } from '../../queries/erasure.ts';
import { institutionLanguage } from '../institution-language.ts';

/** The ledger's copy next to the backups (BACKUP_DIR), which a restore on a fresh machine reads. */
export function ledgerFile(env: Pick<Env, 'BACKUP_DIR' | 'DATA_DIR'>): string {
  return path.join(backupDir(env), ledgerFileName);
}

/** Adds an erasure to the ledger's file (after the commit; the database's ledger is the reference). */
export async function appendToLedgerFile(
  env: Pick<Env, 'BACKUP_DIR' | 'DATA_DIR'>,
  entry: ErasureEntry,
): Promise<void> {
  const file = ledgerFile(env);
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
}

/**
 * Applies a ledger entry again to restored rows (a backup from before the erasure): the same erasure,
 * in one transaction, then the person's files are deleted from Storage. Nobody is notified again.
 */
export async function reapplyErasure(
  deps: { database: Database; storage: Storage },
  entry: ErasureEntry,
): Promise<void> {
  const keys = await deps.database.db.transaction(async (tx) => {
    const subject = await findErasureSubject(tx, entry.userId);
    if (!subject || subject.erased_at) return [];
    const locale = recipientLocale(null, await institutionLanguage(tx));
    return eraseUserRows(
      tx,
      {
        id: subject.id,
        email: subject.email,
        displayName: subject.display_name,
        photoPath: subject.photo_path,
      },
      entry.mode,
      translate(locale, 'discussions.common.formerMember'),
    );
  });
  for (const key of keys) await deps.storage.delete(key).catch(() => undefined);
}
