import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import { openTestDatabase } from '../test/database.ts';
import { createUser } from '../test/factories.ts';
import { preparedByShape } from './prepared.ts';

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
