import { AppError } from '../../errors.ts';
import { hashToken, newToken } from '../../lib/crypto.ts';
import { isAllowed } from '../../policies/decision.ts';
import { maySignInLocally } from '../../policies/sso.ts';
import { updateEmailConfirmedForSignin } from '../../queries/accounts.ts';
import { consumeEmailToken, voidEmailTokens } from '../../queries/email-tokens.ts';
import { getInstitutionSettings } from '../../queries/institution.ts';
import { upsertRateLimitHit } from '../../queries/rate-limits.ts';
import { insertSession } from '../../queries/sessions.ts';
import { clearSigninFailures } from '../../queries/signin-throttles.ts';
import type { UserRow } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { hitRateLimit, rateLimits } from '../rate-limit.ts';
import { signinLinkEmail } from './emails.ts';
import { sendLinkEmail } from './link-email.ts';

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
 */
export async function signInWithLink(deps: ServiceDeps, input: SigninLinkInput): Promise<{ token: string }> {
  const { db } = deps.database;
  await hitRateLimit(db, `signin-link:ip:${input.ip}`, rateLimits.signinLinkUsePerIp);
  const sessionToken = newToken();
  const outcome = await db.transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, input.token, 'signin_link');
    if (!userId) return 'invalid' as const;
    const user = await updateEmailConfirmedForSignin(tx, userId);
    if (!user) return 'invalid' as const;
    if (user.suspendedAt) return 'suspended' as const;
    if (!isAllowed(maySignInLocally(await getInstitutionSettings(tx), user))) return 'sso_only' as const;
    await voidEmailTokens(tx, userId, 'signin_link');
    await clearSigninFailures(tx, user.email, input.ip);
    await insertSession(tx, {
      id: hashToken(sessionToken),
      userId,
      userAgent: input.userAgent.slice(0, 300),
      ip: input.ip,
    });
    return 'signed_in' as const;
  });
  if (outcome === 'suspended') {
    throw new AppError('forbidden', 'errors.auth.accountSuspended');
  }
  if (outcome === 'sso_only') throw new AppError('forbidden', 'errors.sso.signInWithProvider');
  if (outcome === 'invalid') {
    throw new AppError('bad_request', 'errors.auth.signInLinkInvalid', { token: 'invalid or expired' });
  }
  return { token: sessionToken };
}
