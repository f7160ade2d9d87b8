import { AppError } from '../../errors.ts';
import { insertSession } from '../../queries/sessions.ts';
import { findUserByEmail } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { hashToken, newToken, verifyAgainstDummy, verifyPassword } from '../crypto.ts';
import { hitRateLimit, rateLimits } from '../rate-limit.ts';

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string;
}

const wrongCredentials = () =>
  new AppError('unauthenticated', 'The email or password is not right.', {
    password: 'The email or password is not right.',
  });

/**
 * Checks a password and opens a new session (a fresh token every time). Rate-limited per IP and per
 * account; the answer for an unknown email and a wrong password is the same, in words and in time.
 */
export async function signIn(
  deps: ServiceDeps,
  input: SignInInput,
): Promise<{ token: string; userId: string }> {
  const { db } = deps.database;
  await hitRateLimit(db, `signin:ip:${input.ip}`, rateLimits.signinPerIp);
  await hitRateLimit(db, `signin:account:${input.email}`, rateLimits.signinPerAccount);
  const user = await findUserByEmail(db, input.email);
  if (!user) {
    await verifyAgainstDummy(input.password);
    throw wrongCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) throw wrongCredentials();
  if (user.suspendedAt)
    throw new AppError('forbidden', 'This account is suspended. Contact your administrator.');
  if (!user.emailVerifiedAt) {
    throw new AppError(
      'forbidden',
      'Confirm your email address first: follow the link we emailed you, or ask for a new one.',
      { email: 'not_confirmed' },
    );
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
