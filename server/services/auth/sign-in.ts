import { AppError, message } from '../../errors.ts';
import { hashToken, newToken, verifyAgainstDummy, verifyPassword } from '../../lib/crypto.ts';
import { enforce } from '../../policies/decision.ts';
import { maySignInLocally } from '../../policies/sso.ts';
import { getInstitutionSettings } from '../../queries/institution.ts';
import { findRateLimitCount, upsertRateLimitHit } from '../../queries/rate-limits.ts';
import { insertSession } from '../../queries/sessions.ts';
import { clearSigninFailures, findSigninWait, recordSigninFailure } from '../../queries/signin-throttles.ts';
import { findUserByEmail } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { formatWait, rateLimits, refuseOverLimit } from '../rate-limit.ts';
import { sendSigninLink } from './signin-link.ts';

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string;
}

const wrongCredentials = () =>
  new AppError('unauthenticated', 'errors.auth.credentialsWrong', {
    password: 'errors.auth.credentialsWrong',
  });

const waitBeforeRetrying = (seconds: number) =>
  new AppError(
    'rate_limited',
    message('errors.auth.tooManyFailures', { wait: formatWait(seconds) }),
    { password: 'wait' },
    { retryAfterSeconds: seconds },
  );

const signinPaused = (seconds: number) =>
  new AppError(
    'rate_limited',
    'errors.auth.accountPaused',
    { email: 'signin_link_sent' },
    { retryAfterSeconds: seconds },
  );

/**
 * Checks a password and opens a new session (a fresh token every time). Guessing is throttled without
 * letting a stranger lock the owner out (OWASP's authentication cheat sheet):
 * - each (account, address) pair gets a few free failures, then a wait that doubles with every failure
 *   (1 s, 2 s, 4 s … up to 15 minutes), for that pair only, so failures elsewhere never slow the owner;
 * - each address has a budget of failures across all accounts (guessing many accounts from one place);
 * - each account has a budget of failures from all addresses per hour (guessing from many places); when it
 *   runs out, password sign-in for the account pauses and its owner is emailed a one-time sign-in link.
 * Unknown emails go through the same steps, and every answer costs one password check, so neither the
 * words nor the time tell whether an account exists or whether a paused account's password was right.
 */
export async function signIn(
  deps: ServiceDeps,
  input: SignInInput,
): Promise<{ token: string; userId: string }> {
  const { db } = deps.database;
  const { email, ip } = input;
  const ipKey = `signin:ip-failures:${ip}`;
  const accountKey = `signin:account-failures:${email}`;
  await refuseOverLimit(db, ipKey, rateLimits.signinFailuresPerIp);
  const wait = await findSigninWait(db, email, ip);
  if (wait > 0) throw waitBeforeRetrying(wait);

  const user = await findUserByEmail(db, email);
  const budget = await findRateLimitCount(db, accountKey);
  if (budget.hits >= rateLimits.signinFailuresPerAccount.max) {
    await verifyAgainstDummy(input.password);
    await upsertRateLimitHit(db, ipKey, rateLimits.signinFailuresPerIp.windowSeconds);
    await sendSigninLink(deps, email, user);
    throw signinPaused(budget.resetInSeconds);
  }

  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !valid) {
    await recordSigninFailure(db, email, ip);
    await upsertRateLimitHit(db, ipKey, rateLimits.signinFailuresPerIp.windowSeconds);
    const { hits } = await upsertRateLimitHit(
      db,
      accountKey,
      rateLimits.signinFailuresPerAccount.windowSeconds,
    );
    // Warn the owner as soon as the budget runs out, not only when someone next tries.
    if (hits === rateLimits.signinFailuresPerAccount.max) await sendSigninLink(deps, email, user);
    throw wrongCredentials();
  }
  await clearSigninFailures(db, email, ip);
  if (user.suspendedAt) throw new AppError('forbidden', 'errors.auth.accountSuspended');
  // SSO-only mode: only the break-glass accounts sign in with a password (told after the password check).
  enforce(maySignInLocally(await getInstitutionSettings(db), user));
  if (!user.emailVerifiedAt) {
    throw new AppError('forbidden', 'errors.auth.confirmFirst', { email: 'not_confirmed' });
  }
  const token = newToken();
  await insertSession(db, {
    id: hashToken(token),
    userId: user.id,
    userAgent: input.userAgent.slice(0, 300),
    ip: input.ip,
  });
  return { token, userId: user.id };
}
