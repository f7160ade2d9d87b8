import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { signinThrottles } from '../db/schema/index.ts';

/** How the wait grows for one (account, address) pair. */
export const signinDelay = {
  /** Failures allowed before any wait. */
  freeFailures: 5,
  /** The longest wait, in seconds (each failure past the free ones doubles it: 1 s, 2 s, 4 s …). */
  capSeconds: 15 * 60,
  /** A pair is forgotten this long after its last failure. */
  forgetSeconds: 60 * 60,
};

/** The wait after `failures` failures, in seconds (0 while within the free ones). */
export function signinDelaySeconds(failures: number): number {
  if (failures < signinDelay.freeFailures) return 0;
  return Math.min(2 ** (failures - signinDelay.freeFailures), signinDelay.capSeconds);
}

/** Seconds this pair must still wait before trying again (0: it may try now). */
export async function findSigninWait(db: Db, email: string, ip: string): Promise<number> {
  const [row] = await db
    .select({ wait: sql<string>`extract(epoch from ${signinThrottles.blockedUntil} - now())` })
    .from(signinThrottles)
    .where(
      and(
        eq(signinThrottles.email, email),
        eq(signinThrottles.ip, ip),
        sql`${signinThrottles.blockedUntil} > now()`,
        sql`${signinThrottles.resetAt} > now()`,
      ),
    );
  return row ? Math.max(0, Number(row.wait)) : 0;
}

/**
 * Counts one failure for the pair in one atomic upsert and sets its wait from the new count (the same
 * doubling as `signinDelaySeconds`, in SQL so two simultaneous failures both count).
 */
export async function recordSigninFailure(db: Db, email: string, ip: string): Promise<void> {
  const { freeFailures, capSeconds, forgetSeconds } = signinDelay;
  const failures = sql`case when ${signinThrottles.resetAt} <= now() then 1 else ${signinThrottles.failures} + 1 end`;
  await db
    .insert(signinThrottles)
    .values({
      email,
      ip,
      failures: 1,
      blockedUntil: sql`now() + make_interval(secs => ${signinDelaySeconds(1)})`,
      resetAt: sql`now() + make_interval(secs => ${forgetSeconds})`,
    })
    .onConflictDoUpdate({
      target: [signinThrottles.email, signinThrottles.ip],
      set: {
        failures,
        blockedUntil: sql`now() + make_interval(secs => case when ${failures} >= ${freeFailures}
          then least(power(2, ${failures} - ${freeFailures}), ${capSeconds}) else 0 end)`,
        resetAt: sql`excluded.reset_at`,
      },
    });
}

/** Forgets the pair's failures (after a successful sign-in). */
export async function clearSigninFailures(db: Db, email: string, ip: string): Promise<void> {
  await db.delete(signinThrottles).where(and(eq(signinThrottles.email, email), eq(signinThrottles.ip, ip)));
}

export async function deleteExpiredSigninThrottles(db: Db): Promise<void> {
  await db.delete(signinThrottles).where(sql`${signinThrottles.resetAt} < now()`);
}
