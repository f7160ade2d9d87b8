import type { EraseAccountBody, EraseUserBody } from '../../../common/contracts/erasure.ts';
import type { ErasureMode } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { verifyPassword } from '../../lib/crypto.ts';
import { recipientLocale, translate } from '../../lib/i18n.ts';
import { mayEraseUser } from '../../policies/administration.ts';
import { enforce } from '../../policies/decision.ts';
import { mayEraseOwnAccount } from '../../policies/erasure.ts';
import { recordAudit } from '../../queries/audit.ts';
import {
  countOtherAdministrators,
  eraseUserRows,
  findErasureSubject,
  findSessionStart,
} from '../../queries/erasure.ts';
import type { ServiceDeps } from '../context.ts';
import { institutionLanguage } from '../institution-language.ts';
import { phrase } from '../notifications/notify.ts';
import { hitRateLimit } from '../rate-limit.ts';
import { tellCoordinatorsOfLeaderless } from '../succession/leaderless.ts';
import { type Outbox, unitOfWork } from '../unit-of-work.ts';
import { appendToLedgerFile } from './reapply-erasure.ts';

/** An account with no password of its own (single sign-on only) proves itself by a sign-in this recent. */
const freshSignInMinutes = 10;

type Subject = NonNullable<Awaited<ReturnType<typeof findErasureSubject>>>;

/**
 * After the commit: the ledger's copy next to the backups gets the entry, and the person's files are
 * deleted (a file already gone is no failure: the erasure may run again).
 */
async function afterErasure(deps: ServiceDeps, userId: string, mode: ErasureMode, keys: readonly string[]) {
  // The database's ledger is the reference (backups carry it); the file only helps a fresh machine.
  await appendToLedgerFile(deps.env, { userId, mode, erasedAt: new Date().toISOString() }).catch(
    () => undefined,
  );
  for (const key of keys) await deps.storage.delete(key).catch(() => undefined);
}

/**
 * Runs one erasure inside `tx`: the coordinators hear of each community it leaves without a leader,
 * then every row is erased (`eraseUserRows`). Answers the storage keys to delete after the commit.
 */
async function eraseInside(
  deps: ServiceDeps,
  tx: Db,
  outbox: Outbox,
  subject: Subject,
  mode: ErasureMode,
): Promise<string[]> {
  await tellCoordinatorsOfLeaderless(
    tx,
    outbox,
    deps.env.publicUrl,
    subject.id,
    '',
    phrase('succession.notify.leaderless.erasedBody'),
  );
  const locale = recipientLocale(null, await institutionLanguage(tx));
  return eraseUserRows(
    tx,
    {
      id: subject.id,
      email: subject.email,
      displayName: subject.display_name,
      photoPath: subject.photo_path,
    },
    mode,
    translate(locale, 'discussions.common.formerMember'),
  );
}

/**
 * Settings → Delete account: the person proves it is them (their password; an account that signs in
 * only through single sign-on signs in again first) and types their email address; the account is
 * erased at once, in one transaction, and every session ends (#19).
 */
export async function eraseOwnAccount(
  deps: ServiceDeps,
  actor: Actor,
  input: EraseAccountBody,
): Promise<void> {
  const { db } = deps.database;
  await hitRateLimit(db, `erasure:account:${actor.id}`, { max: 10, windowSeconds: 15 * 60 });
  enforce(mayEraseOwnAccount(actor, { otherAdministrators: await countOtherAdministrators(db, actor.id) }));
  const subject = await findErasureSubject(db, actor.id);
  if (!subject) throw notFound('errors.notFound.person');
  if (subject.password_hash.startsWith('$')) {
    if (!input.password || !(await verifyPassword(subject.password_hash, input.password)))
      throw new AppError('validation_failed', 'errors.auth.currentPasswordWrong', {
        password: 'errors.auth.currentPasswordWrong',
      });
  } else {
    const started = await findSessionStart(db, actor.sessionId);
    if (!started || Date.now() - started.getTime() > freshSignInMinutes * 60_000)
      throw new AppError('conflict', 'errors.erasure.signInAgain');
  }
  if (input.confirmation.trim().toLowerCase() !== subject.email.toLowerCase())
    throw new AppError('validation_failed', 'errors.erasure.confirmationMismatch', {
      confirmation: 'errors.erasure.confirmationMismatch',
    });
  const keys = await unitOfWork(deps, async (tx, outbox) => {
    const locked = await findErasureSubject(tx, actor.id);
    if (!locked || locked.erased_at) throw notFound('errors.notFound.person');
    enforce(mayEraseOwnAccount(actor, { otherAdministrators: await countOtherAdministrators(tx, actor.id) }));
    const erased = await eraseInside(deps, tx, outbox, locked, input.mode);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'account.erased',
      subjectType: 'user',
      subjectId: actor.id,
      data: { mode: input.mode, by: 'self' },
    });
    return erased;
  });
  await afterErasure(deps, actor.id, input.mode, keys);
}

/**
 * An administrator erases a person on a formal request, with its reason recorded in the audit log (the
 * entry keeps the person's id, nothing personal).
 */
export async function eraseUserByAdministrator(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  input: EraseUserBody,
): Promise<void> {
  const keys = await unitOfWork(deps, async (tx, outbox) => {
    const subject = await findErasureSubject(tx, userId);
    if (!subject || subject.erased_at) throw notFound('errors.notFound.person');
    enforce(
      mayEraseUser(actor, subject, { otherAdministrators: await countOtherAdministrators(tx, subject.id) }),
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'account.erasure.requested',
      subjectType: 'user',
      subjectId: userId,
      data: { mode: input.mode, reason: input.reason },
    });
    const erased = await eraseInside(deps, tx, outbox, subject, input.mode);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'account.erased',
      subjectType: 'user',
      subjectId: userId,
      data: { mode: input.mode, by: 'administrator' },
    });
    return erased;
  });
  await afterErasure(deps, userId, input.mode, keys);
}
