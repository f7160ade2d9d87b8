import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { ErasureMode } from '../../../common/enums.ts';
import type { Db } from '../client.ts';

/** One entry of the erasure ledger (#19): an account, how it was erased and when; nothing personal. */
export interface ErasureEntry {
  userId: string;
  mode: ErasureMode;
  erasedAt: string;
}

/** The file next to the backups that holds the ledger too (one JSON entry a line), for a fresh machine. */
export const ledgerFileName = 'erasure-ledger.jsonl';

const rowsIn = <T>(result: unknown): T[] =>
  result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)
    ? (result.rows as T[])
    : [];

/** The live ledger, before a restore replaces the tables (empty on a database without the table yet). */
export async function readLedger(db: Db): Promise<ErasureEntry[]> {
  const [found] = rowsIn<{ found: boolean }>(
    await db.execute(sql`select to_regclass('public.erasures') is not null as found`),
  );
  if (!found?.found) return [];
  return rowsIn<{ user_id: string; mode: ErasureMode; erased_at: Date | string }>(
    await db.execute(sql`select user_id, mode, erased_at from erasures`),
  ).map((row) => ({ userId: row.user_id, mode: row.mode, erasedAt: new Date(row.erased_at).toISOString() }));
}

/** The ledger file's entries (none when there is no file); a line that does not read is skipped. */
export async function readLedgerFile(file: string): Promise<ErasureEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  const entries: ErasureEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry = JSON.parse(line) as Partial<ErasureEntry>;
      if (typeof entry.userId === 'string' && (entry.mode === 'anonymise' || entry.mode === 'delete'))
        entries.push({ userId: entry.userId, mode: entry.mode, erasedAt: String(entry.erasedAt) });
    } catch {
      // A line cut short by a crash while it was written: the database's ledger has the entry.
    }
  }
  return entries;
}

/**
 * Writes the ledger entries back after a restore (those the backup has stay as they are) and answers
 * the entries whose person the restored rows still hold un-erased: those to apply again.
 */
export async function restoreLedger(db: Db, entries: readonly ErasureEntry[]): Promise<ErasureEntry[]> {
  const pending: ErasureEntry[] = [];
  for (const entry of entries) {
    await db.execute(sql`insert into erasures (user_id, mode, erased_at)
      values (${entry.userId}, ${entry.mode}, ${entry.erasedAt}) on conflict (user_id) do nothing`);
    const [row] = rowsIn<{ erased: boolean }>(
      await db.execute(sql`select erased_at is not null as erased from users where id = ${entry.userId}`),
    );
    if (row && !row.erased) pending.push(entry);
  }
  return pending;
}
