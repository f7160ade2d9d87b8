import type { Db } from '../db/client.ts';
import { AppError, type Message, message } from '../errors.ts';
import { findRateLimitCount, upsertRateLimitHit } from '../queries/rate-limits.ts';

export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/** The limits Copse applies, per key kind. */
export const rateLimits = {
  /** Failed sign-ins from one address, whatever the accounts (guessing across many accounts). */
  signinFailuresPerIp: { max: 30, windowSeconds: 15 * 60 },
  /**
   * Failed sign-ins for one account from every address: past it, password sign-in for the account pauses
   * and its owner is emailed a sign-in link (see services/auth/sign-in.ts).
   */
  signinFailuresPerAccount: { max: 50, windowSeconds: 60 * 60 },
  /** Sign-in link emails to one account. */
  signinLinkEmailsPerAccount: { max: 1, windowSeconds: 15 * 60 },
  signinLinkUsePerIp: { max: 30, windowSeconds: 60 * 60 },
  passwordChangePerAccount: { max: 10, windowSeconds: 15 * 60 },
  signupPerIp: { max: 10, windowSeconds: 60 * 60 },
  /** "Someone tried to sign up with your address" emails to one account. */
  signupNoticesPerAccount: { max: 1, windowSeconds: 60 * 60 },
  passwordResetPerIp: { max: 10, windowSeconds: 60 * 60 },
  passwordResetPerAccount: { max: 3, windowSeconds: 60 * 60 },
  emailConfirmationPerIp: { max: 30, windowSeconds: 60 * 60 },
  contactPerIp: { max: 10, windowSeconds: 60 * 60 },
  /**
   * Refused single sign-on returns recorded in the audit log per address: past it they are still
   * refused, but no longer recorded, so garbage sent to the callback cannot flood the log.
   */
  ssoRefusalAuditsPerIp: { max: 20, windowSeconds: 60 * 60 },
  /**
   * Sign-ins refused for too many failures recorded in the audit log per address: the first ones tell
   * administrators someone is guessing; past it they are still refused, but no longer recorded.
   */
  signinThrottleAuditsPerIp: { max: 20, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimit>;

export function tooManyAttempts(retryAfterSeconds: number): AppError {
  return new AppError(
    'rate_limited',
    message('errors.request.tooManyAttempts', { wait: formatWait(retryAfterSeconds) }),
    undefined,
    {
      retryAfterSeconds,
    },
  );
}

/** "1 second", "40 seconds", "3 minutes", "1 hour": how long to wait, in the reader's words. */
export function formatWait(seconds: number): Message {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return message('errors.wait.seconds', { count: s });
  if (s < 3600) return message('errors.wait.minutes', { count: Math.ceil(s / 60) });
  return message('errors.wait.hours', { count: Math.ceil(s / 3600) });
}

/**
 * Counts one hit against `key` and throws 429 (with Retry-After) past the limit. The window is shared by
 * every Copse process (the counter lives in the database, `upsertRateLimitHit`). Several keys per
 * request are allowed, which is why this is not @fastify/rate-limit (one key per route).
 */
export async function hitRateLimit(db: Db, key: string, limit: RateLimit): Promise<void> {
  const { hits, resetInSeconds } = await upsertRateLimitHit(db, key, limit.windowSeconds);
  if (hits > limit.max) throw tooManyAttempts(resetInSeconds);
}

/** Throws 429 (with Retry-After) when `key` has used its limit already; counts nothing. */
export async function refuseOverLimit(db: Db, key: string, limit: RateLimit): Promise<void> {
  const { hits, resetInSeconds } = await findRateLimitCount(db, key);
  if (hits >= limit.max) throw tooManyAttempts(resetInSeconds);
}
