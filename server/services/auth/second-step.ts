import type { z } from 'zod';
import type { twoFactorSetupSchema } from '../../../common/contracts/two-factor.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { hashToken } from '../../lib/crypto.ts';
import { secretKey } from '../../lib/secret-box.ts';
import { clearSigninFailures } from '../../queries/signin-throttles.ts';
import {
  type ChallengeStep,
  consumeSigninChallenge,
  findLiveSigninChallenge,
  recordChallengeFailure,
} from '../../queries/two-factor.ts';
import { findUserById, type UserRow } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { type Outbox, unitOfWork } from '../unit-of-work.ts';
import { challengeMaxFailures } from './challenges.ts';
import { auditSigninFailure } from './signin-audit.ts';
import { countSigninFailure, refuseThrottledSignin } from './signin-throttle.ts';
import { startSession } from './start-session.ts';
import { beginTwoFactorSetup, type CodeCheck, checkSigninCode, confirmTwoFactorSetup } from './two-factor.ts';

export interface SecondStepInput {
  challenge: string;
  code: string;
  ip: string;
  userAgent: string;
}

const challengeInvalid = () =>
  new AppError('unauthenticated', 'errors.twoFactor.challengeInvalid', { challenge: 'invalid or expired' });

/** The refusal for a wrong or replayed code, in the words that say which. */
export function codeRefused(check: Exclude<CodeCheck, 'ok'>): AppError {
  const id = check === 'used' ? 'errors.twoFactor.codeUsed' : 'errors.twoFactor.codeWrong';
  return new AppError('unauthenticated', id, { code: id });
}

class WrongCode extends Error {
  readonly check: Exclude<CodeCheck, 'ok'>;
  constructor(check: Exclude<CodeCheck, 'ok'>) {
    super(check);
    this.check = check;
  }
}

/** The live challenge of this step and its person, or 401 (unknown, expired, used, or another step). */
async function loadChallenge(db: Db, challenge: string, step: ChallengeStep) {
  const id = hashToken(challenge);
  const found = await findLiveSigninChallenge(db, id);
  const user = found?.step === step ? await findUserById(db, found.userId) : undefined;
  if (!found || !user) throw challengeInvalid();
  if (user.suspendedAt) throw new AppError('forbidden', 'errors.auth.accountSuspended');
  return { id, user };
}

/**
 * Finishes a challenge with a code: inside one transaction the challenge is used up (so two requests
 * with one token cannot both sign in), the code checked by `check` and the session opened. A wrong code
 * rolls that back and counts as a failed sign-in (the same throttle as wrong passwords) and against the
 * challenge, which is gone after five.
 */
async function finishChallenge<T>(
  deps: ServiceDeps,
  input: SecondStepInput,
  step: ChallengeStep,
  check: (tx: Db, outbox: Outbox, user: UserRow) => Promise<{ result: CodeCheck; extra: T }>,
): Promise<{ token: string; extra: T }> {
  const { db } = deps.database;
  const { id, user } = await loadChallenge(db, input.challenge, step);
  const method = step === 'code' ? 'two_factor' : 'two_factor_enrolment';
  await refuseThrottledSignin(deps, user.email, input.ip, method);
  try {
    return await unitOfWork(deps, async (tx, outbox) => {
      if (!(await consumeSigninChallenge(tx, id))) throw challengeInvalid();
      const { result, extra } = await check(tx, outbox, user);
      if (result !== 'ok') throw new WrongCode(result);
      await clearSigninFailures(tx, user.email, input.ip);
      const token = await startSession(tx, {
        userId: user.id,
        ip: input.ip,
        userAgent: input.userAgent,
        method,
      });
      return { token, extra };
    });
  } catch (error) {
    if (!(error instanceof WrongCode)) throw error;
    await recordChallengeFailure(db, id, challengeMaxFailures);
    await countSigninFailure(deps, user.email, input.ip, user);
    const reason = error.check === 'used' ? 'used_code' : 'wrong_code';
    await auditSigninFailure(db, { method, ip: input.ip, user }, reason);
    throw codeRefused(error.check);
  }
}

/** The second step of a sign-in: a code from the authenticator app, or a recovery code (used up). */
export async function verifySecondStep(
  deps: ServiceDeps,
  input: SecondStepInput,
): Promise<{ token: string }> {
  const key = secretKey(deps.env);
  const { token } = await finishChallenge(deps, input, 'code', async (tx, _outbox, user) => ({
    result: await checkSigninCode(tx, key, user.id, input.code),
    extra: null,
  }));
  return { token };
}

/**
 * For a role that requires two-factor and has none yet: a new secret to add to an app (the QR code and
 * the secret for typing), kept unconfirmed until `confirmSigninEnrolment`.
 */
export async function beginSigninEnrolment(
  deps: ServiceDeps,
  challenge: string,
): Promise<z.infer<typeof twoFactorSetupSchema>> {
  const { db } = deps.database;
  const { user } = await loadChallenge(db, challenge, 'enrol');
  const setup = await beginTwoFactorSetup(deps, user);
  if (!setup) throw challengeInvalid();
  return setup;
}

/**
 * Confirms the set-up of the enrolment step with a first code: two-factor is turned on, recovery codes
 * are made (answered once) and the session starts.
 */
export async function confirmSigninEnrolment(
  deps: ServiceDeps,
  input: SecondStepInput,
): Promise<{ token: string; recoveryCodes: string[] }> {
  const { token, extra } = await finishChallenge(deps, input, 'enrol', async (tx, outbox, user) => {
    const confirmed = await confirmTwoFactorSetup(tx, outbox, deps, user.id, input.code);
    return { result: confirmed.result, extra: confirmed.recoveryCodes };
  });
  return { token, recoveryCodes: extra };
}
