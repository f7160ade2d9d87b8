import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { idempotencyKeys } from '../db/schema/index.ts';

/** How long a key is remembered: a retry within 24 hours gets the first answer (as Stripe keeps them). */
export const idempotencyKeyLifetimeHours = 24;

/**
 * How long a key may stay in flight before a retry may take it over: the longest a request can run (the
 * 15-minute request time-out of a large upload). Only a process that died mid-request leaves one so long.
 */
export const idempotencyStaleAfterMinutes = 15;

/** Who sent a key, which key, and what for. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  method: string;
  route: string;
  fingerprint: string;
}

/** A key as stored: in flight while `status` is null. */
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

const expired = sql`now() - make_interval(hours => ${idempotencyKeyLifetimeHours})`;
const stale = sql`now() - make_interval(mins => ${idempotencyStaleAfterMinutes})`;

/**
 * Claims `(scope, key)` for a request about to run: true when this request may run its handler (the key
 * was new, had expired, or was left in flight by a request that went away long ago). One statement, so
 * of two requests arriving together with the same key exactly one gets true (the unique primary key).
 */
export async function claimIdempotencyKey(db: Db, claim: IdempotencyClaim): Promise<boolean> {
  const claimed = await db
    .insert(idempotencyKeys)
    .values(claim)
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      set: {
        method: claim.method,
        route: claim.route,
        fingerprint: claim.fingerprint,
        status: null,
        responseBody: null,
        responseHeaders: null,
        createdAt: sql`now()`,
        completedAt: null,
      },
      setWhere: or(
        lt(idempotencyKeys.createdAt, expired),
        and(isNull(idempotencyKeys.completedAt), lt(idempotencyKeys.createdAt, stale)),
      ),
    })
    .returning({ key: idempotencyKeys.key });
  return claimed.length > 0;
}

/** The stored key of `scope` (undefined when there is none). */
export async function findIdempotencyKey(
  db: Db,
  scope: string,
  key: string,
): Promise<IdempotencyKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  return row;
}

/** Stores the final answer of a claimed key, which later retries get instead of running again. */
export async function completeIdempotencyKey(
  db: Db,
  scope: string,
  key: string,
  answer: { status: number; body: string; headers: Record<string, string> },
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({
      status: answer.status,
      responseBody: answer.body,
      responseHeaders: answer.headers,
      completedAt: sql`now()`,
    })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}

/** Forgets a claimed key whose request failed (5xx, a conflict, a rate limit), so a retry runs again. */
export async function releaseIdempotencyKey(db: Db, scope: string, key: string): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.scope, scope),
        eq(idempotencyKeys.key, key),
        isNull(idempotencyKeys.completedAt),
      ),
    );
}

/** Removes the keys older than 24 hours (the hourly cleanup job). */
export async function deleteExpiredIdempotencyKeys(db: Db): Promise<number> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, expired))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}
