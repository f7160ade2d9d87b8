import type { UserRole } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { hashToken, newToken } from '../../lib/crypto.ts';
import { isTwoFactorRequired } from '../../policies/two-factor.ts';
import { type ChallengeStep, hasTwoFactorEnabled, insertSigninChallenge } from '../../queries/two-factor.ts';

/** How long the second step of a sign-in may take, and how many wrong codes it allows. */
export const challengeLifetimeMs = 5 * 60 * 1000;
export const challengeMaxFailures = 5;

/** How a local sign-in ends: signed in (a session token), or a second step to take first. */
export type SignInOutcome =
  | { kind: 'signed_in'; token: string; userId: string }
  | { kind: 'second_step'; step: ChallengeStep; challenge: string; expiresAt: Date };

/**
 * The second step a local sign-in (password or sign-in link) of `user` needs: `code` when two-factor is
 * on, `enrol` when it is off and the role requires it, none otherwise.
 */
export async function secondStepFor(
  db: Db,
  user: { id: string; role: UserRole },
): Promise<ChallengeStep | undefined> {
  if (await hasTwoFactorEnabled(db, user.id)) return 'code';
  return isTwoFactorRequired(user.role) ? 'enrol' : undefined;
}

/** Opens a pending second step: only the token's hash is stored; it expires in five minutes. */
export async function openChallenge(db: Db, userId: string, step: ChallengeStep): Promise<SignInOutcome> {
  const challenge = newToken();
  const expiresAt = new Date(Date.now() + challengeLifetimeMs);
  await insertSigninChallenge(db, { id: hashToken(challenge), userId, step, expiresAt });
  return { kind: 'second_step', step, challenge, expiresAt };
}
