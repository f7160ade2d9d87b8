import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Database, type Db, migrationsFolder } from '../client.ts';

/**
 * Which migration a database is at, as drizzle records it (`drizzle.__drizzle_migrations`: the SQL
 * file's hash and the journal's `when`), and applying the migrations only up to a given one, so a
 * backup's rows load into the tables they were read from before the newer migrations change them.
 */

export const migrationRef = z.object({
  /** The journal's index of the migration (0 for the first). */
  index: z.number().int().min(0),
  tag: z.string(),
  /** The journal's `when`, which drizzle stores as `created_at` and orders migrations by. */
  when: z.number().int(),
  hash: z.string(),
});
export type MigrationRef = z.infer<typeof migrationRef>;

const journalSchema = z.object({
  entries: z.array(z.object({ idx: z.number(), when: z.number(), tag: z.string() }).loose()),
});

/** The migrations this Copse knows, in order. */
export async function knownMigrations(): Promise<{ idx: number; when: number; tag: string }[]> {
  const journal = journalSchema.parse(
    JSON.parse(await readFile(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')),
  );
  return journal.entries;
}

/** The last migration applied to the database, or undefined when none has been. */
export async function appliedMigration(db: Db): Promise<MigrationRef | undefined> {
  // Two statements: a table that does not exist fails the query naming it even in an unused branch.
  const exists: unknown = await db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as found`,
  );
  if (!(exists as { rows?: { found: boolean }[] }).rows?.[0]?.found) return undefined;
  const result: unknown = await db.execute(
    sql`select json_build_object('hash', hash, 'when', created_at) as last from drizzle.__drizzle_migrations
      order by created_at desc limit 1`,
  );
  const row = (result as { rows?: { last: { hash: string; when: string | number } | null }[] }).rows?.[0];
  if (!row?.last) return undefined;
  const when = Number(row.last.when);
  const known = (await knownMigrations()).find((entry) => entry.when === when);
  return { index: known?.idx ?? -1, tag: known?.tag ?? 'unknown', when, hash: row.last.hash };
}

/**
 * Applies the migrations up to and including `target` (one this Copse knows), through a folder holding
 * only those, on the database's own migrate (its advisory lock and all).
 */
export async function migrateUpTo(database: Database, target: MigrationRef): Promise<void> {
  const entries = (await knownMigrations()).filter((entry) => entry.when <= target.when);
  const folder = await mkdtemp(path.join(tmpdir(), 'copse-migrations-'));
  try {
    await mkdir(path.join(folder, 'meta'));
    const journal = JSON.parse(await readFile(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'));
    await writeFile(path.join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const entry of entries) {
      await copyFile(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
    }
    await database.migrate(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
