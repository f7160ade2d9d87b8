import type { SigninMethod } from '../../../common/audit-actions.ts';
import { AppError, message } from '../../errors.ts';
import { upsertRateLimitHit } from '../../queries/rate-limits.ts';
import { findSigninWait, recordSigninFailure } from '../../queries/signin-throttles.ts';
import type { UserRow } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { formatWait, rateLimits, refuseOverLimit } from '../rate-limit.ts';
import { auditThrottledSignin } from './signin-audit.ts';
import { sendSigninLink } from './signin-link.ts';

/** The rate-limit keys of failed sign-ins: per address, and per account from every address. */
export const signinKeys = {
  ip: (ip: string) => `signin:ip-failures:${ip}`,
  account: (email: string) => `signin:account-failures:${email}`,
};

export const waitBeforeRetrying = (seconds: number) =>
  new AppError(
    'rate_limited',
    message('errors.auth.tooManyFailures', { wait: formatWait(seconds) }),
    { password: 'wait' },
    { retryAfterSeconds: seconds },
  );

/**
 * Refuses (429) when this address has used its failures across accounts, or this (account, address)
 * pair must still wait after its last failures. Counts nothing; a refusal is recorded in the audit log.
 */
export async function refuseThrottledSignin(
  deps: ServiceDeps,
  email: string,
  ip: string,
  method: SigninMethod,
): Promise<void> {
  const { db } = deps.database;
  try {
    await refuseOverLimit(db, signinKeys.ip(ip), rateLimits.signinFailuresPerIp);
    const wait = await findSigninWait(db, email, ip);
    if (wait > 0) throw waitBeforeRetrying(wait);
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited')
      await auditThrottledSignin(db, { method, ip, email }, 'too_many_failures');
    throw error;
  }
}

/**
 * Counts one failed sign-in (a wrong password, or a wrong second-factor code) against the pair, the
 * address and the account; when the account's budget runs out, its owner is emailed a sign-in link.
 */
export async function countSigninFailure(
  deps: ServiceDeps,
  email: string,
  ip: string,
  user: UserRow | undefined,
): Promise<void> {
  const { db } = deps.database;
  await recordSigninFailure(db, email, ip);
  await upsertRateLimitHit(db, signinKeys.ip(ip), rateLimits.signinFailuresPerIp.windowSeconds);
  const { hits } = await upsertRateLimitHit(
    db,
    signinKeys.account(email),
    rateLimits.signinFailuresPerAccount.windowSeconds,
  );
  // Warn the owner as soon as the budget runs out, not only when someone next tries.
  if (hits === rateLimits.signinFailuresPerAccount.max) await sendSigninLink(deps, email, user);
}
