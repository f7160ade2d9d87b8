import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type PgliteThread, startPgliteThread } from './pglite-thread.ts';

/**
 * The database handle every query and service takes first; the same type for PGlite and PostgreSQL.
 * Queries name their tables (the query builder), so the handle carries no schema: drizzle's relational
 * API (`db.query.*`), which would need one, is not used, and its types were the type check's costliest
 * (December 2026).
 */
export type Db = PgDatabase<PgQueryResultHKT>;
export type DatabaseKind = 'pglite' | 'postgres';

/**
 * What pg-boss needs to run its queries on our connection. A multi-statement script (pg-boss wraps
 * some in BEGIN … COMMIT) has one result per statement; their rows are joined, as pg-boss does with
 * its own connection (`unwrapSQLResult`).
 */
export interface RawSql {
  executeSql(text: string, values: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface Database {
  db: Db;
  kind: DatabaseKind;
  raw: RawSql;
  /**
   * Applies pending migrations; safe to run from several processes at once on PostgreSQL. A restore
   * passes a folder holding only the migrations up to its backup's, to load the rows at that version.
   */
  migrate(folder?: string): Promise<void>;
  /**
   * Runs `work` while holding the start-up lock (the migrations' advisory lock), so only one process
   * at a time does it: pg-boss creating its schema on a new database, when two processes start at
   * once, otherwise fails in one of them (a stale catalog cache: "duplicate key … pg_namespace").
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The committed migrations (drizzle-kit's SQL files and meta/_journal.json). */
export const migrationsFolder = new URL('./migrations', import.meta.url).pathname;
/** Arbitrary constant: the advisory lock that serialises migrations across processes. */
const migrationLockId = 727_001;

export interface DatabaseOptions {
  /** A PostgreSQL URL; without it, PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` (the default) keeps everything in memory. */
  dataDir?: string | undefined;
  /**
   * The file of a PGlite data-folder dump to start from (skips initdb: ~0.8 s instead of ~4 s). The
   * PGlite thread reads it itself, so its 40-odd MB are never copied through this thread's memory.
   */
  pgliteTemplate?: string | undefined;
  poolSize?: number;
}

/**
 * SQLSTATE classes and codes that mean the database went away rather than that the query was wrong:
 * connection exceptions (08), an administrator's terminate or a shutdown (57P01-57P03), and the
 * socket errors of a server that is not there.
 */
const unavailableCodes = new Set([
  '57P01',
  '57P02',
  '57P03',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
]);
const unavailableMessages = [
  'Connection terminated',
  'connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
];

/**
 * Whether an error (or one it wraps: Drizzle puts the driver's in `cause`) says the database is
 * unreachable: a restart, failover or network cut. Such a request is answered 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08'))) return true;
    if (unavailableMessages.some((message) => current instanceof Error && current.message.includes(message)))
      return true;
    current = current.cause;
  }
  return false;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 20);
  return openPglite(options.dataDir ?? 'memory://', options.pgliteTemplate, options.poolSize ?? 4);
}

/** Search folds accents with unaccent (migration 0011); PGlite loads it as a contrib extension. */
const pgliteExtensions = { unaccent };

/** A migrated, empty PGlite database as a data-folder dump, for tests to start from. */
export async function createPgliteTemplate(): Promise<Blob> {
  const client = await PGlite.create({ dataDir: 'memory://', extensions: pgliteExtensions });
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  await seedSingletons(drizzlePglite(client) as unknown as Db);
  const dump = await client.dumpDataDir('none');
  await client.close();
  return dump;
}

async function seedSingletons(db: Db): Promise<void> {
  await db.execute(sql`insert into institution_settings (id) values (1) on conflict (id) do nothing`);
}

/**
 * PGlite on its own thread (pglite-thread.ts), reached through node-postgres as PostgreSQL is: the
 * same driver, transactions, prepared statements and raw SQL on both databases. The thread runs one
 * batch at a time and keeps a transaction's statements together, so the pool's connections only
 * queue work for it (the next query is there as soon as one ends).
 */
async function openPglite(
  dataDir: string,
  template: string | undefined,
  poolSize: number,
): Promise<Database> {
  const thread = await startPgliteThread({ dataDir, templateFile: template });
  // Checkpoint on close: the next start replays no WAL.
  return openOnPgliteThread(thread, poolSize, () => thread.close());
}

/**
 * A database over a PGlite thread: closing it ends its connections, then runs `afterClose` (the server
 * closes the thread there; the API tests keep one thread per test process and reset it between files,
 * server/test/database.ts: starting PGlite from the dump cost about 2 s of processor time per file).
 */
export function openOnPgliteThread(
  thread: PgliteThread,
  poolSize = 4,
  afterClose: () => Promise<void> = async () => undefined,
): Database {
  const pool = new pg.Pool({ max: poolSize, stream: () => thread.connect(), idleTimeoutMillis: 0 });
  return openPool(pool, 'pglite', async () => {
    await pool.end();
    await afterClose();
  });
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // JIT off for the app's connections: its statements are short, and compiling a search's plan cost
  // about 90 ms every time (bench findings of 4 December 2026), more than running it.
  // A connection attempt gives up after 5 s: with the database unreachable, a request is answered 503
  // then instead of waiting for ever (pg's default).
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: '-c jit=off',
    connectionTimeoutMillis: 5_000,
  });
  return openPool(pool, 'postgres', () => pool.end());
}

/** Runs `work` holding the advisory lock that serialises start-up work across processes. */
async function withStartupLock<T>(
  pool: pg.Pool,
  work: (connection: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const connection = await pool.connect();
  try {
    await connection.query('select pg_advisory_lock($1)', [migrationLockId]);
    return await work(connection);
  } finally {
    await connection.query('select pg_advisory_unlock($1)', [migrationLockId]).catch(() => undefined);
    connection.release();
  }
}

/** The database over a node-postgres pool: PostgreSQL's, or one whose connections reach the PGlite thread. */
function openPool(pool: pg.Pool, kind: DatabaseKind, end: () => Promise<void>): Database {
  // An idle pooled connection that the server closes (restart, failover, an administrator's terminate)
  // emits an error; unhandled, it would crash the process. The pool drops that connection and opens a
  // new one when needed, so there is nothing else to do.
  pool.on('error', () => undefined);
  // A checked-out connection (a transaction between two statements, or one whose query the server
  // ended) emits 'error' too, while the pool's listener is removed from it: that was uncaught and
  // took the process down ("Connection terminated unexpectedly", #12 item 1). Its query or transaction
  // fails on its own (503) and the pool discards the connection when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const db = drizzlePostgres(pool) as unknown as Db;
  let closed = false;
  return {
    db,
    kind,
    raw: {
      async executeSql(text, values = []) {
        const result: pg.QueryResult | pg.QueryResult[] = await pool.query(text, values);
        return { rows: Array.isArray(result) ? result.flatMap((part) => part.rows) : result.rows };
      },
    },
    async migrate(folder = migrationsFolder) {
      await withStartupLock(pool, async (connection) => {
        await migratePostgres(drizzlePostgres(connection), { migrationsFolder: folder });
        await seedSingletons(db);
      });
    },
    exclusively: (work) => withStartupLock(pool, work),
    async ping() {
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await end();
    },
  };
}
