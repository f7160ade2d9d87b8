import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';

export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/** The limits Copse applies, per key kind. */
export const rateLimits = {
  signinPerIp: { max: 30, windowSeconds: 15 * 60 },
  signinPerAccount: { max: 10, windowSeconds: 15 * 60 },
  signupPerIp: { max: 10, windowSeconds: 60 * 60 },
  passwordResetPerIp: { max: 10, windowSeconds: 60 * 60 },
  passwordResetPerAccount: { max: 3, windowSeconds: 60 * 60 },
  emailConfirmationPerIp: { max: 30, windowSeconds: 60 * 60 },
  contactPerIp: { max: 10, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimit>;

/**
 * Counts one hit against `key` in a window shared by every Copse process (the counter lives in the
 * database) and throws 429 past the limit. One atomic upsert; several keys per request are allowed,
 * which is why this is not @fastify/rate-limit (one key per route).
 */
export async function hitRateLimit(db: Db, key: string, limit: RateLimit): Promise<void> {
  const result = (await db.execute(sql`
    insert into rate_limits (key, hits, reset_at)
    values (${key}, 1, now() + make_interval(secs => ${limit.windowSeconds}))
    on conflict (key) do update set
      hits = case when rate_limits.reset_at <= now() then 1 else rate_limits.hits + 1 end,
      reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
    returning hits`)) as unknown as { rows: { hits: number }[] };
  const hits = Number(result.rows[0]?.hits ?? 0);
  if (hits > limit.max) throw new AppError('rate_limited', 'Too many attempts. Wait a while and try again.');
}

export async function deleteExpiredRateLimits(db: Db): Promise<void> {
  await db.execute(sql`delete from rate_limits where reset_at < now()`);
}
