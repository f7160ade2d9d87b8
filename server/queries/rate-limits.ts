import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from './raw-rows.ts';

/** A rate-limit key's count in its current window. */
export interface RateCount {
  /** Hits in the current window. */
  hits: number;
  /** Seconds until the window ends. */
  resetInSeconds: number;
}

interface CountRow {
  hits: number | string;
  reset_in: number | string;
}

function toCount(row: CountRow | undefined): RateCount {
  return { hits: Number(row?.hits ?? 0), resetInSeconds: Math.max(0, Number(row?.reset_in ?? 0)) };
}

/**
 * Adds one hit to `key`'s counter and answers the count: one atomic upsert, so every Copse process
 * shares the counter. A window that has passed starts again at one hit for `windowSeconds`.
 */
export async function upsertRateLimitHit(db: Db, key: string, windowSeconds: number): Promise<RateCount> {
  const result = await db.execute(sql`
    insert into rate_limits (key, hits, reset_at)
    values (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
    on conflict (key) do update set
      hits = case when rate_limits.reset_at <= now() then 1 else rate_limits.hits + 1 end,
      reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
    returning hits, extract(epoch from reset_at - now()) as reset_in`);
  return toCount(rowsOf<CountRow>(result)[0]);
}

/** `key`'s count without adding to it (zero once its window has passed). */
export async function findRateLimitCount(db: Db, key: string): Promise<RateCount> {
  const result = await db.execute(sql`
    select hits, extract(epoch from reset_at - now()) as reset_in
    from rate_limits where key = ${key} and reset_at > now()`);
  return toCount(rowsOf<CountRow>(result)[0]);
}

/** Removes the counters whose window has passed (a periodic job). */
export async function deleteExpiredRateLimits(db: Db): Promise<void> {
  await db.execute(sql`delete from rate_limits where reset_at < now()`);
}
