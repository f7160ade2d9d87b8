import { AppError } from '../../errors.ts';
import { isAllowed } from '../../policies/decision.ts';
import { maySignInLocally } from '../../policies/sso.ts';
import { updateEmailConfirmedForSignin } from '../../queries/accounts.ts';
import { consumeEmailToken, voidEmailTokens } from '../../queries/email-tokens.ts';
import { getInstitutionSettings } from '../../queries/institution.ts';
import { upsertRateLimitHit } from '../../queries/rate-limits.ts';
import { clearSigninFailures } from '../../queries/signin-throttles.ts';
import type { UserRow } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { hitRateLimit, rateLimits } from '../rate-limit.ts';
import { openChallenge, type SignInOutcome, secondStepFor } from './challenges.ts';
import { signinLinkEmail } from './emails.ts';
import { sendLinkEmail } from './link-email.ts';
import { auditSigninFailure } from './signin-audit.ts';
import { startSession } from './start-session.ts';

/**
 * Emails the owner of an account whose password sign-in is paused a one-time sign-in link: at most one
 * email per address per 15 minutes, so failed attempts cannot flood the owner's inbox. The count is kept
 * for addresses without an account too (`user` undefined), so both cost the same; suspended accounts get
 * nothing (they could not sign in anyway).
 */
export async function sendSigninLink(
  deps: ServiceDeps,
  email: string,
  user: UserRow | undefined,
): Promise<void> {
  const { db } = deps.database;
  const { hits } = await upsertRateLimitHit(
    db,
    `signin-link:${email}`,
    rateLimits.signinLinkEmailsPerAccount.windowSeconds,
  );
  if (!user || user.suspendedAt || hits > rateLimits.signinLinkEmailsPerAccount.max) return;
  await sendLinkEmail(deps, user, 'signin_link', signinLinkEmail);
}

export interface SigninLinkInput {
  token: string;
  ip: string;
  userAgent: string;
}

/**
 * Signs in with the token of a sign-in link (once): opens a session, voids the account's other sign-in
 * links and forgets this address's failed attempts. The link proves the address, so it counts as confirmed.
 * A link is a local sign-in: an account with two-factor on (or whose role requires it) gets the second
 * step's challenge instead of a session, as after a password.
 */
export async function signInWithLink(deps: ServiceDeps, input: SigninLinkInput): Promise<SignInOutcome> {
  const { db } = deps.database;
  await hitRateLimit(db, `signin-link:ip:${input.ip}`, rateLimits.signinLinkUsePerIp);
  const outcome = await db.transaction(
    async (tx): Promise<SignInOutcome | 'invalid' | 'suspended' | 'sso_only'> => {
      const userId = await consumeEmailToken(tx, input.token, 'signin_link');
      if (!userId) return 'invalid';
      const user = await updateEmailConfirmedForSignin(tx, userId);
      if (!user) return 'invalid';
      const attempt = { method: 'signin_link' as const, ip: input.ip, user };
      // Recorded in this transaction, which commits: only the link is used up.
      if (user.suspendedAt) {
        await auditSigninFailure(tx, attempt, 'suspended');
        return 'suspended';
      }
      if (!isAllowed(maySignInLocally(await getInstitutionSettings(tx), user))) {
        await auditSigninFailure(tx, attempt, 'sso_only');
        return 'sso_only';
      }
      await voidEmailTokens(tx, userId, 'signin_link');
      const step = await secondStepFor(tx, user);
      if (step) return openChallenge(tx, userId, step);
      await clearSigninFailures(tx, user.email, input.ip);
      const token = await startSession(tx, {
        userId,
        ip: input.ip,
        userAgent: input.userAgent,
        method: 'signin_link',
      });
      return { kind: 'signed_in', token, userId };
    },
  );
  if (outcome === 'suspended') {
    throw new AppError('forbidden', 'errors.auth.accountSuspended');
  }
  if (outcome === 'sso_only') throw new AppError('forbidden', 'errors.sso.signInWithProvider');
  if (outcome === 'invalid') {
    throw new AppError('bad_request', 'errors.auth.signInLinkInvalid', { token: 'invalid or expired' });
  }
  return outcome;
}
