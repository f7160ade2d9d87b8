import type { z } from 'zod';
import type { twoFactorSetupSchema, twoFactorStatusSchema } from '../../../common/contracts/two-factor.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { verifyPassword } from '../../lib/crypto.ts';
import { secretKey } from '../../lib/secret-box.ts';
import { enforce } from '../../policies/decision.ts';
import { isTwoFactorRequired, mayTurnOffTwoFactor } from '../../policies/two-factor.ts';
import { recordAudit } from '../../queries/audit.ts';
import {
  countUnusedRecoveryCodes,
  deleteTwoFactor,
  findTwoFactorCredential,
} from '../../queries/two-factor.ts';
import { findUserById } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { hitRateLimit, type RateLimit } from '../rate-limit.ts';
import { unitOfWork } from '../unit-of-work.ts';
import {
  beginTwoFactorSetup,
  type CodeCheck,
  checkTotpCode,
  confirmTwoFactorSetup,
  makeRecoveryCodes,
  noticeTwoFactorChange,
} from './two-factor.ts';

/** Codes and passwords tried on the settings page, per account (a stolen session cannot guess on). */
const settingsAttempts: RateLimit = { max: 10, windowSeconds: 15 * 60 };

const codeRefusal = (check: Exclude<CodeCheck, 'ok'>) => {
  const id = check === 'used' ? 'errors.twoFactor.codeUsed' : 'errors.twoFactor.codeWrong';
  return new AppError('validation_failed', id, { code: id });
};

const countAttempt = (deps: ServiceDeps, actor: Actor) =>
  hitRateLimit(deps.database.db, `two-factor:account:${actor.id}`, settingsAttempts);

/** Whether the actor has two-factor on, whether their role requires it, and their recovery codes left. */
export async function getTwoFactorStatus(
  deps: ServiceDeps,
  actor: Actor,
): Promise<z.infer<typeof twoFactorStatusSchema>> {
  const { db } = deps.database;
  const credential = await findTwoFactorCredential(db, actor.id);
  const enabled = Boolean(credential?.enabledAt);
  return {
    enabled,
    required: isTwoFactorRequired(actor.role),
    recoveryCodesLeft: enabled ? await countUnusedRecoveryCodes(db, actor.id) : 0,
  };
}

/** Starts setting two-factor up from the settings page (409 when it is on already). */
export async function startTwoFactorSetup(
  deps: ServiceDeps,
  actor: Actor,
): Promise<z.infer<typeof twoFactorSetupSchema>> {
  const setup = await beginTwoFactorSetup(deps, actor);
  if (!setup) throw new AppError('conflict', 'errors.twoFactor.alreadyOn');
  return setup;
}

/** Turns two-factor on with the first code from the app; answers the recovery codes, once. */
export async function confirmTwoFactor(deps: ServiceDeps, actor: Actor, code: string): Promise<string[]> {
  await countAttempt(deps, actor);
  const credential = await findTwoFactorCredential(deps.database.db, actor.id);
  if (!credential) throw new AppError('conflict', 'errors.twoFactor.setupFirst');
  if (credential.enabledAt) throw new AppError('conflict', 'errors.twoFactor.alreadyOn');
  const { result, recoveryCodes } = await unitOfWork(deps, (tx, outbox) =>
    confirmTwoFactorSetup(tx, outbox, deps, actor.id, code),
  );
  if (result !== 'ok') throw codeRefusal(result);
  return recoveryCodes;
}

/** New recovery codes (the old ones stop working); needs a current code from the app. */
export async function regenerateRecoveryCodes(
  deps: ServiceDeps,
  actor: Actor,
  code: string,
): Promise<string[]> {
  await countAttempt(deps, actor);
  const key = secretKey(deps.env);
  return unitOfWork(deps, async (tx, outbox) => {
    const credential = await findTwoFactorCredential(tx, actor.id);
    if (!credential?.enabledAt) throw new AppError('conflict', 'errors.twoFactor.notOn');
    const result = await checkTotpCode(tx, key, actor.id, code);
    if (result !== 'ok') throw codeRefusal(result);
    const codes = await makeRecoveryCodes(tx, key, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.two_factor.recovery_codes',
      subjectType: 'user',
      subjectId: actor.id,
    });
    await noticeTwoFactorChange(tx, outbox, deps, actor.id, 'codes');
    return codes;
  });
}

/**
 * Turns two-factor off with the password or a current code, unless the actor's role requires it. The
 * authenticator's secret and the recovery codes are deleted.
 */
export async function turnOffTwoFactor(
  deps: ServiceDeps,
  actor: Actor,
  proof: { password?: string | undefined; code?: string | undefined },
): Promise<void> {
  enforce(mayTurnOffTwoFactor(actor));
  await countAttempt(deps, actor);
  const { db } = deps.database;
  const key = secretKey(deps.env);
  if (proof.password !== undefined && proof.password !== '') {
    const user = await findUserById(db, actor.id);
    if (!user || !(await verifyPassword(user.passwordHash, proof.password))) {
      throw new AppError('validation_failed', 'errors.auth.currentPasswordWrong', {
        password: 'errors.auth.currentPasswordWrong',
      });
    }
  }
  await unitOfWork(deps, async (tx, outbox) => {
    const credential = await findTwoFactorCredential(tx, actor.id);
    if (!credential?.enabledAt) throw new AppError('conflict', 'errors.twoFactor.notOn');
    if (!proof.password && proof.code) {
      const result = await checkTotpCode(tx, key, actor.id, proof.code);
      if (result !== 'ok') throw codeRefusal(result);
    }
    await deleteTwoFactor(tx, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.two_factor.disable',
      subjectType: 'user',
      subjectId: actor.id,
    });
    await noticeTwoFactorChange(tx, outbox, deps, actor.id, 'off');
  });
}
