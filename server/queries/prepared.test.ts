import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import { openTestDatabase } from '../test/database.ts';
import { createUser } from '../test/factories.ts';
import { preparedByShape, preparedFor } from './prepared.ts';

let database: Database;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
});
afterAll(async () => dispose());

it('runs each shape as a named statement, and past the limit of names unprepared, with the same answers', async () => {
  const db = database.db;
  const unit = `Prepared ${Date.now()}`;
  for (const n of [1, 2, 3, 4]) await createUser(db, { displayName: `${unit} ${n}` });
  const built: number[] = [];
  const firstNames = preparedByShape(
    (rows: number) => `test_first_names_${rows}`,
    (handle, rows) => {
      built.push(rows);
      return handle
        .select({ name: users.displayName })
        .from(users)
        .where(sql`${users.displayName} like ${sql.placeholder('prefix')} || '%'`)
        .orderBy(asc(users.displayName), sql`${users.id} limit ${sql.raw(String(rows))}`);
    },
    2,
  );
  const names = async (rows: number) =>
    (await firstNames(db, rows).execute({ prefix: unit })).map((row) => row.name);

  expect(await names(1)).toEqual([`${unit} 1`]);
  expect(await names(2)).toEqual([`${unit} 1`, `${unit} 2`]);
  // Kept: the two named shapes are not built again.
  expect(await names(1)).toEqual([`${unit} 1`]);
  expect(built).toEqual([1, 2]);
  // A third shape is past the limit: built (unprepared) on every call, and still right.
  expect(await names(3)).toEqual([`${unit} 1`, `${unit} 2`, `${unit} 3`]);
  expect(await names(3)).toEqual([`${unit} 1`, `${unit} 2`, `${unit} 3`]);
  expect(built).toEqual([1, 2, 3, 3]);
});

it('keeps a statement built in a transaction for that connection’s later transactions, and runs it inside them', async () => {
  const db = database.db;
  const name = `Prepared in a transaction ${Date.now()}`;
  let built = 0;
  const byName = preparedFor((handle) => {
    built++;
    return handle
      .select({ id: users.id })
      .from(users)
      .where(sql`${users.displayName} = ${sql.placeholder('name')}`)
      .prepare('test_user_by_name_in_transaction');
  });
  // At most five connections (the test database's pool), and sequential transactions reuse them.
  const rounds = 15;
  const seen: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Each transaction sees its own uncommitted insert through the kept statement: it runs on the
    // transaction's connection, not on another one of the pool.
    await db
      .transaction(async (tx) => {
        await createUser(tx, { displayName: `${name} ${round}` });
        seen.push((await byName(tx).execute({ name: `${name} ${round}` })).length);
        tx.rollback();
      })
      .catch(() => undefined);
  }
  expect(seen).toEqual(Array.from({ length: rounds }, () => 1));
  // Built at most once per pooled connection, not once per transaction.
  expect(built).toBeGreaterThan(0);
  expect(built).toBeLessThanOrEqual(5);
});
