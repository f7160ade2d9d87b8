import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/database.ts';
import type { Database } from './client.ts';

/**
 * Concurrent requests' transactions stay apart (#13 §5). PGlite has one session: its thread runs a
 * transaction's statements with no other connection's between them, and gives each connection its own
 * prepared statements. On PostgreSQL each transaction has its own connection.
 */
describe('concurrent transactions', () => {
  let database: Database;
  let dispose: () => Promise<void>;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const idsOf = (result: unknown) => (result as { rows: { id: number }[] }).rows.map((row) => row.id);

  beforeAll(async () => {
    ({ database, dispose } = await openTestDatabase());
    await database.db.execute(sql`create table tx_probe (id int primary key, note text)`);
  });
  afterAll(async () => dispose());

  async function ids(): Promise<number[]> {
    return idsOf(await database.db.execute(sql`select id from tx_probe order by id`));
  }

  it('a statement outside a transaction is not rolled back with it', async () => {
    const failing = database.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into tx_probe (id) values (1)`);
        await sleep(150);
        throw new Error('roll back');
      })
      .catch((error: unknown) => error);
    await sleep(30);
    await database.db.execute(sql`insert into tx_probe (id) values (2)`);
    expect(await failing).toBeInstanceOf(Error);
    expect(await ids()).toEqual([2]);
    await database.db.execute(sql`delete from tx_probe`);
  });

  it('two transactions at once: one rolls back, the other commits, neither sees the other mid-way', async () => {
    const seen: number[][] = [];
    // The second commits only after the first has looked: on PostgreSQL both run at once, and a row
    // committed before the first looks is rightly visible to it (read committed); on PGlite the second
    // waits for the whole first transaction, so this is already so.
    let firstLooked = () => {};
    const looked = new Promise<void>((resolve) => {
      firstLooked = resolve;
    });
    const first = database.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into tx_probe (id) values (10)`);
        await sleep(100);
        seen.push(idsOf(await tx.execute(sql`select id from tx_probe order by id`)));
        firstLooked();
        throw new Error('roll back');
      })
      .catch(() => 'rolled back');
    await sleep(20);
    const second = database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into tx_probe (id) values (20)`);
      await looked;
      seen.push(idsOf(await tx.execute(sql`select id from tx_probe order by id`)));
      return 'committed';
    });
    expect(await Promise.all([first, second])).toEqual(['rolled back', 'committed']);
    // Each saw its own row and not the other's uncommitted one.
    expect(seen).toContainEqual([10]);
    expect(seen).toContainEqual([20]);
    expect(await ids()).toEqual([20]);
    await database.db.execute(sql`delete from tx_probe`);
  });

  it('the same prepared statement on several connections at once', async () => {
    const prepared = database.db
      .select({ n: sql<number>`${sql.placeholder('n')}::int + 1` })
      .from(sql`(select 1) as one`)
      .prepare('tx_probe_plus_one');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, n) => prepared.execute({ n }).then((rows) => rows[0]?.n)),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
  });
});
