import type { Db } from '../db/client.ts';

/**
 * What a prepared statement is kept for. Outside a transaction, the database handle (its statements run
 * on the pool). In a transaction, the pooled connection it runs on: drizzle makes a new transaction
 * object each time, so keeping statements per object built and prepared each one again in every
 * transaction (half a millisecond of CPU for the community lookup alone, on every write); a connection
 * serves one transaction at a time, and a statement built on it runs on it, so it serves every later
 * transaction on that connection. A transaction's session holds its connection (node-postgres's
 * PoolClient, which has `release`); the handle's session holds the pool, which has not.
 */
function statementOwner(db: Db): object {
  const session: unknown = Reflect.get(db, 'session');
  const client: unknown = typeof session === 'object' && session ? Reflect.get(session, 'client') : undefined;
  return typeof client === 'object' && client && typeof Reflect.get(client, 'release') === 'function'
    ? client
    : db;
}

/**
 * A prepared statement per database handle (per connection in a transaction), built on first use.
 * Drizzle builds the SQL once; on PostgreSQL the statement is also named, so each pooled connection
 * parses and plans it only once.
 */
export function preparedFor<T>(build: (db: Db) => T): (db: Db) => T {
  const prepared = new WeakMap<object, T>();
  return (db) => {
    const owner = statementOwner(db);
    let statement = prepared.get(owner);
    if (statement === undefined) {
      statement = build(db);
      prepared.set(owner, statement);
    }
    return statement;
  };
}

/**
 * Named prepared statements of several shapes (who asks, a cursor or not, the page size…), built on
 * first use per database handle and shape from the query `build` makes (placeholders for its values).
 * `nameOf` gives each shape its statement name, which must be unique across Copse. Each pooled
 * connection keeps every named statement it ran, so past the first `maxNamed` shapes of a handle the
 * query runs unprepared (parsed and planned each time): no run of odd page sizes can fill the database
 * server's memory with plans.
 */
export function preparedByShape<Shape, Query extends { prepare(name: string): unknown }>(
  nameOf: (shape: Shape) => string,
  build: (db: Db, shape: Shape) => Query,
  maxNamed = 48,
): (db: Db, shape: Shape) => ReturnType<Query['prepare']> | Query {
  const prepared = new WeakMap<object, Map<string, ReturnType<Query['prepare']>>>();
  return (db, shape) => {
    const name = nameOf(shape);
    const owner = statementOwner(db);
    let statements = prepared.get(owner);
    if (!statements) {
      statements = new Map();
      prepared.set(owner, statements);
    }
    let statement = statements.get(name);
    if (statement === undefined) {
      if (statements.size >= maxNamed) return build(db, shape);
      statement = build(db, shape).prepare(name) as ReturnType<Query['prepare']>;
      statements.set(name, statement);
    }
    return statement;
  };
}
