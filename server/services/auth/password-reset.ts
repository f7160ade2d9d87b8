import { AppError } from '../../errors.ts';
import { hashPassword, verifyPassword } from '../../lib/crypto.ts';
import { updatePassword, updatePasswordFromReset } from '../../queries/accounts.ts';
import { recordAudit } from '../../queries/audit.ts';
import { consumeEmailToken, voidEmailTokens } from '../../queries/email-tokens.ts';
import { getInstitutionSettings } from '../../queries/institution.ts';
import { deleteUserSessions } from '../../queries/sessions.ts';
import { findUserByEmail, findUserById } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { letterTo } from '../mail/letterhead.ts';
import { hitRateLimit, rateLimits } from '../rate-limit.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { passwordChangedEmail, passwordResetEmail } from './emails.ts';
import { sendLinkEmail } from './link-email.ts';
import { refuseWeakPassword } from './new-password.ts';

/** Emails a reset link if the address has an account; the answer is the same either way. */
export async function requestPasswordReset(deps: ServiceDeps, email: string, ip: string): Promise<void> {
  const { db } = deps.database;
  await hitRateLimit(db, `reset:ip:${ip}`, rateLimits.passwordResetPerIp);
  await hitRateLimit(db, `reset:account:${email}`, rateLimits.passwordResetPerAccount);
  const user = await findUserByEmail(db, email);
  if (!user || user.suspendedAt) return;
  await sendLinkEmail(deps, user, 'reset_password', passwordResetEmail);
}

/**
 * Sets a new password from a reset link. Every session ends (the person signs in again), other reset
 * links are voided, and the address counts as confirmed (the link proved it).
 */
export async function completePasswordReset(
  deps: ServiceDeps,
  token: string,
  password: string,
  ip: string,
): Promise<void> {
  const { db } = deps.database;
  await hitRateLimit(db, `reset:ip:${ip}`, rateLimits.passwordResetPerIp);
  refuseWeakPassword('password', password, []);
  const passwordHash = await hashPassword(password);
  const { name: institutionName } = await getInstitutionSettings(db);
  const changed = await unitOfWork(deps, async (tx, outbox) => {
    const userId = await consumeEmailToken(tx, token, 'reset_password');
    if (!userId) return false;
    // The person is known once the link is: their own words are refused, and the link stays unused.
    const owner = await findUserById(tx, userId);
    refuseWeakPassword('password', password, [owner?.email, owner?.displayName, institutionName]);
    const user = await updatePasswordFromReset(tx, userId, passwordHash);
    if (!user) return false;
    await voidEmailTokens(tx, userId, 'reset_password');
    await deleteUserSessions(tx, userId);
    await recordAudit(tx, {
      actorId: null,
      action: 'auth.password.reset',
      subjectType: 'user',
      subjectId: userId,
      data: { ip, sessionsEnded: 'all' },
    });
    await outbox.email(
      { address: user.email, userId },
      await passwordChangedEmail(await letterTo(tx, user.language), deps.env.publicUrl, user.displayName),
    );
    return true;
  });
  if (!changed) {
    throw new AppError('bad_request', 'errors.auth.resetLinkInvalid', {
      token: 'invalid or expired',
    });
  }
}

/** Changes the password of a signed-in person who knows the current one; other sessions end. */
export async function changePassword(
  deps: ServiceDeps,
  actor: { id: string; sessionId: string },
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const { db } = deps.database;
  await hitRateLimit(db, `signin:account-id:${actor.id}`, rateLimits.passwordChangePerAccount);
  const user = await findUserById(db, actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError('validation_failed', 'errors.auth.currentPasswordWrong', {
      currentPassword: 'errors.auth.currentPasswordWrong',
    });
  }
  const { name: institutionName } = await getInstitutionSettings(db);
  refuseWeakPassword('newPassword', newPassword, [user.email, user.displayName, institutionName]);
  const passwordHash = await hashPassword(newPassword);
  await unitOfWork(deps, async (tx, outbox) => {
    await updatePassword(tx, actor.id, passwordHash);
    await deleteUserSessions(tx, actor.id, actor.sessionId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'auth.password.change',
      subjectType: 'user',
      subjectId: actor.id,
      data: { sessionsEnded: 'others' },
    });
    return outbox.email(
      { address: user.email, userId: user.id },
      await passwordChangedEmail(await letterTo(tx, user.language), deps.env.publicUrl, user.displayName),
    );
  });
}
