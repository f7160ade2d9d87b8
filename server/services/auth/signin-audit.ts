import type { SigninMethod } from '../../../common/audit-actions.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../queries/audit.ts';
import { upsertRateLimitHit } from '../../queries/rate-limits.ts';
import { findUserByEmail } from '../../queries/users.ts';
import { rateLimits } from '../rate-limit.ts';

/** Why a sign-in failed, as the audit log says it. */
export type SigninFailureReason =
  | 'wrong_password'
  | 'wrong_code'
  | 'used_code'
  | 'suspended'
  | 'sso_only'
  | 'not_confirmed';

/** Why a sign-in was refused without being checked. */
export type SigninThrottleReason = 'too_many_failures' | 'account_paused';

export interface SigninAttempt {
  method: SigninMethod;
  /** The client's address, as the rate limiter sees it (`request.ip`). */
  ip: string;
  /** The account tried, when there is one; its (normalised) email is recorded. */
  user: { id: string; email: string } | undefined;
}

/**
 * What a failed sign-in's entry holds: no actor (no one is signed in); the account's id and email only
 * when an account exists, else "unknown account" and never the text typed (it may be a password typed
 * into the wrong field).
 */
function attemptData(attempt: SigninAttempt, reason: string) {
  const who = attempt.user ? { email: attempt.user.email } : { account: 'unknown' };
  return {
    subjectId: attempt.user?.id ?? null,
    data: { method: attempt.method, reason, ip: attempt.ip, ...who },
  };
}

/** Records a failed sign-in (a wrong password or code, or a refusal after the check). */
export async function auditSigninFailure(
  db: Db,
  attempt: SigninAttempt,
  reason: SigninFailureReason,
): Promise<void> {
  await recordAudit(db, {
    actorId: null,
    action: 'auth.signin.failed',
    subjectType: 'user',
    ...attemptData(attempt, reason),
  });
}

/**
 * Records a sign-in refused for too many failures, up to a number per address per hour (beyond it they
 * are refused unrecorded, so guessing cannot flood the log). `email` is what was typed: only used to find
 * the account, never recorded as such.
 */
export async function auditThrottledSignin(
  db: Db,
  attempt: Omit<SigninAttempt, 'user'> & { email: string; user?: SigninAttempt['user'] },
  reason: SigninThrottleReason,
): Promise<void> {
  const { hits } = await upsertRateLimitHit(
    db,
    `signin-throttle-audit:ip:${attempt.ip}`,
    rateLimits.signinThrottleAuditsPerIp.windowSeconds,
  );
  if (hits > rateLimits.signinThrottleAuditsPerIp.max) return;
  const user = attempt.user ?? (await findUserByEmail(db, attempt.email));
  await recordAudit(db, {
    actorId: null,
    action: 'auth.signin.throttled',
    subjectType: 'user',
    ...attemptData({ method: attempt.method, ip: attempt.ip, user }, reason),
  });
}
