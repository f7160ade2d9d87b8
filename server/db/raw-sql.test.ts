import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase } from '../test/database.ts';
import type { Database } from './client.ts';

let database: Database;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
});
afterAll(async () => dispose());

it('gives pg-boss the rows of a multi-statement script (its queue monitor reads them)', async () => {
  const script = `
    BEGIN;
    SET LOCAL lock_timeout = 30000;
    SELECT 1 AS one UNION ALL SELECT 2;
    COMMIT;`;
  const { rows } = await database.raw.executeSql(script, []);
  expect(rows.map((row) => Number(row.one))).toEqual([1, 2]);
  const single = await database.raw.executeSql('select $1::int as n', [7]);
  expect(single.rows).toEqual([{ n: 7 }]);
});
