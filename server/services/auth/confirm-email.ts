import { AppError } from '../../errors.ts';
import { updateEmailConfirmed } from '../../queries/accounts.ts';
import { consumeEmailToken } from '../../queries/email-tokens.ts';
import { findUserByEmail } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { hitRateLimit, rateLimits } from '../rate-limit.ts';
import { confirmationEmail } from './emails.ts';
import { sendLinkEmail } from './link-email.ts';

/** Confirms an email address from the link's token (once). */
export async function confirmEmail(deps: ServiceDeps, token: string, ip: string): Promise<void> {
  const { db } = deps.database;
  await hitRateLimit(db, `confirm:ip:${ip}`, rateLimits.emailConfirmationPerIp);
  const confirmed = await db.transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, token, 'verify_email');
    if (!userId) return false;
    await updateEmailConfirmed(tx, userId);
    return true;
  });
  if (!confirmed) {
    throw new AppError('bad_request', 'errors.auth.confirmLinkInvalid', {
      token: 'invalid or expired',
    });
  }
}

/** Sends a new confirmation link; answers the same whether or not the address has an account. */
export async function resendConfirmation(deps: ServiceDeps, email: string, ip: string): Promise<void> {
  const { db } = deps.database;
  await hitRateLimit(db, `confirm:ip:${ip}`, rateLimits.emailConfirmationPerIp);
  await hitRateLimit(db, `confirm:account:${email}`, rateLimits.passwordResetPerAccount);
  const user = await findUserByEmail(db, email);
  if (!user || user.emailVerifiedAt) return;
  await sendLinkEmail(deps, user, 'verify_email', confirmationEmail);
}
