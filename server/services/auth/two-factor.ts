import type { z } from 'zod';
import type { twoFactorSetupSchema } from '../../../common/contracts/two-factor.ts';
import type { Db } from '../../db/client.ts';
import { keyedHash, seal, secretKey, unseal } from '../../lib/secret-box.ts';
import {
  groupedSecret,
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  qrCodeDataUrl,
  totpUri,
} from '../../lib/totp.ts';
import { recordAudit } from '../../queries/audit.ts';
import { getInstitutionSettings } from '../../queries/institution.ts';
import {
  claimTwoFactorStep,
  consumeRecoveryCode,
  findTwoFactorCredential,
  replaceRecoveryCodes,
  upsertPendingTwoFactor,
} from '../../queries/two-factor.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import type { Outbox } from '../unit-of-work.ts';

/** How many recovery codes a person gets. */
export const recoveryCodeCount = 10;

/** What checking a code found: right, wrong, or right but used already (a replay within its window). */
export type CodeCheck = 'ok' | 'wrong' | 'used';

const sixDigits = /^\d{6}$/;

/**
 * Checks a code from the authenticator app against a person's (turned on) secret and claims its time
 * step, so the same code is refused afterwards.
 */
export async function checkTotpCode(db: Db, key: Buffer, userId: string, code: string): Promise<CodeCheck> {
  const credential = await findTwoFactorCredential(db, userId);
  if (!credential?.enabledAt || !sixDigits.test(code)) return 'wrong';
  const step = matchTotpStep(unseal(key, credential.secretEncrypted), code);
  if (step === undefined) return 'wrong';
  return (await claimTwoFactorStep(db, userId, step)) ? 'ok' : 'used';
}

/** Checks a sign-in's second step: six digits are an app code, anything else a recovery code (used up). */
export async function checkSigninCode(
  db: Db,
  key: Buffer,
  userId: string,
  typed: string,
): Promise<CodeCheck> {
  const code = typed.replace(/\s+/g, '');
  if (sixDigits.test(code)) return checkTotpCode(db, key, userId, code);
  const credential = await findTwoFactorCredential(db, userId);
  if (!credential?.enabledAt) return 'wrong';
  const spent = await consumeRecoveryCode(db, userId, keyedHash(key, normalizeRecoveryCode(code)));
  return spent ? 'ok' : 'wrong';
}

/** Makes a new set of recovery codes for a person (the old ones stop working) and answers them once. */
export async function makeRecoveryCodes(db: Db, key: Buffer, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes(recoveryCodeCount);
  await replaceRecoveryCodes(
    db,
    userId,
    codes.map((code) => keyedHash(key, normalizeRecoveryCode(code))),
  );
  return codes;
}

/**
 * Starts setting two-factor up for a person who has it off: a new secret, kept encrypted and unconfirmed,
 * answered once as a QR code and as text. Undefined when it is on already.
 */
export async function beginTwoFactorSetup(
  deps: ServiceDeps,
  user: { id: string; email: string },
): Promise<z.infer<typeof twoFactorSetupSchema> | undefined> {
  const { db } = deps.database;
  const secret = newTotpSecret();
  const stored = await upsertPendingTwoFactor(db, user.id, seal(secretKey(deps.env), secret));
  if (!stored) return undefined;
  const { name } = await getInstitutionSettings(db);
  const otpauthUrl = totpUri(secret, user.email, name ? `Copse (${name})` : 'Copse');
  return { secret: groupedSecret(secret), otpauthUrl, qrCode: await qrCodeDataUrl(otpauthUrl) };
}

/** What changed in someone's two-factor sign-in, for the security notice they get. */
export type TwoFactorChange = 'on' | 'off' | 'codes';

const notices = {
  on: ['notify.account.twoFactorOn.title', 'notify.account.twoFactorOn.body'],
  off: ['notify.account.twoFactorOff.title', 'notify.account.twoFactorOff.body'],
  codes: ['notify.account.twoFactorCodes.title', 'notify.account.twoFactorCodes.body'],
} as const;

/**
 * Tells the person (in the app and, as account security notices are by default, by email) that their
 * two-factor sign-in changed, so a change they did not make does not go unnoticed.
 */
export async function noticeTwoFactorChange(
  tx: Db,
  outbox: Outbox,
  deps: ServiceDeps,
  userId: string,
  change: TwoFactorChange,
): Promise<void> {
  const [title, body] = notices[change];
  await notifyUser(tx, outbox, deps.env.publicUrl, {
    userId,
    kind: 'account.security',
    title: phrase(title),
    body: phrase(body),
    url: '/settings/security',
  });
}

/**
 * Confirms a set-up with the first code from the app: turns two-factor on, makes the recovery codes,
 * records it in the audit log and tells the person. `result` says whether the code was right.
 */
export async function confirmTwoFactorSetup(
  tx: Db,
  outbox: Outbox,
  deps: ServiceDeps,
  userId: string,
  code: string,
): Promise<{ result: CodeCheck; recoveryCodes: string[] }> {
  const key = secretKey(deps.env);
  const credential = await findTwoFactorCredential(tx, userId);
  if (!credential || credential.enabledAt) return { result: 'wrong', recoveryCodes: [] };
  const step = matchTotpStep(unseal(key, credential.secretEncrypted), code);
  if (step === undefined) return { result: 'wrong', recoveryCodes: [] };
  if (!(await claimTwoFactorStep(tx, userId, step, { enable: true })))
    return { result: 'used', recoveryCodes: [] };
  const recoveryCodes = await makeRecoveryCodes(tx, key, userId);
  await recordAudit(tx, {
    actorId: userId,
    action: 'user.two_factor.enable',
    subjectType: 'user',
    subjectId: userId,
  });
  await noticeTwoFactorChange(tx, outbox, deps, userId, 'on');
  return { result: 'ok', recoveryCodes };
}
