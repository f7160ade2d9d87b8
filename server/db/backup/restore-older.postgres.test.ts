import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { createDiskStorage } from '../../lib/storage.ts';
import { createServerTestDatabase, openTestDatabase } from '../../test/database.ts';
import { createTestCommunity, createUser } from '../../test/factories.ts';
import { openDatabase } from '../client.ts';
import { createBackup } from './create-backup.ts';
import { appliedMigration, knownMigrations, migrateUpTo } from './migrations.ts';
import { restoreBackup } from './restore-backup.ts';
import { dropCopseSchemas } from './tables.ts';

/**
 * A backup made by an older Copse (its database one migration behind) restores into a new, empty
 * PostgreSQL database: the rows load at the backup's migration, then this Copse's newer migrations run
 * on them (0016 rewrites the English stage-change note into a message id). PostgreSQL pass only: the
 * path is the same on PGlite, and migrating twice from nothing costs seconds there.
 */
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

it('restores a backup from the previous migration and brings it forward', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'copse-older-'));
  cleanups.push(() => rm(folder, { recursive: true, force: true }));
  const old = await openTestDatabase();
  cleanups.push(old.dispose);
  const migrations = await knownMigrations();
  // The backup is at the migration before 0016, which rewrites the English notes this test checks.
  const notes = migrations.findIndex((m) => m.tag === '0016_system_notes');
  const previous = migrations[notes - 1];
  const latest = migrations.at(-1);
  if (notes < 1 || !previous || !latest) throw new Error('Copse has no migration 0016_system_notes.');
  await dropCopseSchemas(old.database.db);
  await migrateUpTo(old.database, { index: previous.idx, tag: previous.tag, when: previous.when, hash: '' });
  // The factories write with today's columns: lend the tables the ones later migrations add (0017:
  // institution_settings.sso_only, 0025: users.show_badges, 0028: the portfolio's rules and when the
  // activity log began, 0034: project-only memberships, 0035: the charter's decision process, 0037:
  // when an account was erased) while they run, and take them back so the backup holds the older
  // tables as they were.
  const lent = [
    ['institution_settings', 'sso_only', sql`boolean`],
    ['users', 'show_badges', sql`boolean not null default true`],
    ['institution_settings', 'dormant_days', sql`integer not null default 60`],
    ['institution_settings', 'growing_percent', sql`integer not null default 10`],
    ['institution_settings', 'activity_log_began_at', sql`timestamp with time zone`],
    ['community_members', 'project_only', sql`boolean not null default false`],
    ['charter_versions', 'decision_process', sql`text not null default 'leaders'`],
    ['charter_versions', 'objection_days', sql`integer not null default 7`],
    ['charter_versions', 'voting_days', sql`integer not null default 7`],
    ['users', 'erased_at', sql`timestamp with time zone`],
  ] as const;
  for (const [table, column, type] of lent)
    await old.database.db.execute(
      sql`alter table ${sql.identifier(table)} add column ${sql.identifier(column)} ${type}`,
    );
  const leader = await createUser(old.database.db);
  const community = await createTestCommunity(old.database.db, [leader.id]);
  for (const [table, column] of lent)
    await old.database.db.execute(
      sql`alter table ${sql.identifier(table)} drop column ${sql.identifier(column)}`,
    );
  await old.database.db.execute(
    sql`update community_stage_changes set note = 'Community created.' where community_id = ${community.id}`,
  );
  const file = path.join(folder, 'older.tar.gz');
  const manifest = await createBackup({
    database: old.database,
    storage: createDiskStorage(path.join(folder, 'old-uploads')),
    file,
    copseVersion: '0.0.9',
    secrets: { DATA_DIR: folder },
  });
  expect(manifest.migration.tag).toBe(previous.tag);

  const server = await createServerTestDatabase();
  if (!server) throw new Error('This test runs in the PostgreSQL pass (TEST_DATABASE_URL).');
  cleanups.push(server.drop);
  const target = await openDatabase({ databaseUrl: server.url, poolSize: 2 });
  cleanups.push(() => target.close());
  const report = await restoreBackup({
    database: target,
    storage: createDiskStorage(path.join(folder, 'uploads')),
    file,
    secrets: { DATA_DIR: path.join(folder, 'restored') },
  });

  expect(report.manifest.migration.tag).toBe(previous.tag);
  expect((await appliedMigration(target.db))?.tag).toBe(latest.tag);
  const result: unknown = await target.db.execute(
    sql`select note from community_stage_changes where community_id = ${community.id}`,
  );
  expect((result as { rows?: unknown[] }).rows).toEqual([{ note: 'communities.note.created' }]);
});
