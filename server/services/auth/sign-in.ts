import { AppError } from '../../errors.ts';
import { verifyAgainstDummy, verifyPassword } from '../../lib/crypto.ts';
import { enforce, isAllowed } from '../../policies/decision.ts';
import { maySignInLocally } from '../../policies/sso.ts';
import { getInstitutionSettings } from '../../queries/institution.ts';
import { findRateLimitCount, upsertRateLimitHit } from '../../queries/rate-limits.ts';
import { clearSigninFailures } from '../../queries/signin-throttles.ts';
import { findUserByEmail } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { rateLimits } from '../rate-limit.ts';
import { openChallenge, type SignInOutcome, secondStepFor } from './challenges.ts';
import { auditSigninFailure, auditThrottledSignin } from './signin-audit.ts';
import { sendSigninLink } from './signin-link.ts';
import { countSigninFailure, refuseThrottledSignin, signinKeys } from './signin-throttle.ts';
import { startSession } from './start-session.ts';

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

const signinPaused = (seconds: number) =>
  new AppError(
    'rate_limited',
    'errors.auth.accountPaused',
    { email: 'signin_link_sent' },
    { retryAfterSeconds: seconds },
  );

/**
 * Checks a password and opens a new session (a fresh token every time), or, for an account with
 * two-factor on (or whose role requires it), a short-lived challenge for the second step instead
 * (second-step.ts). Guessing is throttled without letting a stranger lock the owner out (OWASP's
 * authentication cheat sheet):
 * - each (account, address) pair gets a few free failures, then a wait that doubles with every failure
 *   (1 s, 2 s, 4 s … up to 15 minutes), for that pair only, so failures elsewhere never slow the owner;
 * - each address has a budget of failures across all accounts (guessing many accounts from one place);
 * - each account has a budget of failures from all addresses per hour (guessing from many places); when it
 *   runs out, password sign-in for the account pauses and its owner is emailed a one-time sign-in link.
 * Wrong second-factor codes count as failures too, and a correct password alone does not forget the
 * pair's failures when a second step follows (only a completed sign-in does).
 * Unknown emails go through the same steps, and every answer costs one password check, so neither the
 * words nor the time tell whether an account exists or whether a paused account's password was right.
 */
export async function signIn(deps: ServiceDeps, input: SignInInput): Promise<SignInOutcome> {
  const { db } = deps.database;
  const { email, ip } = input;
  await refuseThrottledSignin(deps, email, ip, 'password');

  const user = await findUserByEmail(db, email);
  const budget = await findRateLimitCount(db, signinKeys.account(email));
  if (budget.hits >= rateLimits.signinFailuresPerAccount.max) {
    await verifyAgainstDummy(input.password);
    await upsertRateLimitHit(db, signinKeys.ip(ip), rateLimits.signinFailuresPerIp.windowSeconds);
    await sendSigninLink(deps, email, user);
    await auditThrottledSignin(db, { method: 'password', ip, email, user }, 'account_paused');
    throw signinPaused(budget.resetInSeconds);
  }

  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  const attempt = { method: 'password' as const, ip, user };
  if (!user || !valid) {
    await countSigninFailure(deps, email, ip, user);
    await auditSigninFailure(db, attempt, 'wrong_password');
    throw wrongCredentials();
  }
  const step = await secondStepFor(db, user);
  if (!step) await clearSigninFailures(db, email, ip);
  if (user.suspendedAt) {
    await auditSigninFailure(db, attempt, 'suspended');
    throw new AppError('forbidden', 'errors.auth.accountSuspended');
  }
  // SSO-only mode: only the break-glass accounts sign in with a password (told after the password check).
  const local = maySignInLocally(await getInstitutionSettings(db), user);
  if (!isAllowed(local)) await auditSigninFailure(db, attempt, 'sso_only');
  enforce(local);
  if (!user.emailVerifiedAt) {
    await auditSigninFailure(db, attempt, 'not_confirmed');
    throw new AppError('forbidden', 'errors.auth.confirmFirst', { email: 'not_confirmed' });
  }
  if (step) return openChallenge(db, user.id, step);
  const token = await startSession(db, {
    userId: user.id,
    ip,
    userAgent: input.userAgent,
    method: 'password',
  });
  return { kind: 'signed_in', token, userId: user.id };
}
