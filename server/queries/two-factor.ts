import { and, count, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  type signinChallengeStepEnum,
  signinChallenges,
  twoFactorCredentials,
  twoFactorRecoveryCodes,
} from '../db/schema/index.ts';

export type ChallengeStep = (typeof signinChallengeStepEnum.enumValues)[number];
export type TwoFactorCredential = typeof twoFactorCredentials.$inferSelect;

/** A person's authenticator, set up or being set up; undefined when they have none. */
export async function findTwoFactorCredential(
  db: Db,
  userId: string,
): Promise<TwoFactorCredential | undefined> {
  const [row] = await db.select().from(twoFactorCredentials).where(eq(twoFactorCredentials.userId, userId));
  return row;
}

/** Whether a person has two-factor sign-in turned on (set up and confirmed). */
export async function hasTwoFactorEnabled(db: Db, userId: string): Promise<boolean> {
  const row = await findTwoFactorCredential(db, userId);
  return Boolean(row?.enabledAt);
}

/**
 * Keeps a new secret being set up (not yet confirmed) for a person who has none turned on; replaces an
 * earlier unconfirmed one. Answers false when two-factor is already on (nothing changed).
 */
export async function upsertPendingTwoFactor(
  db: Db,
  userId: string,
  secretEncrypted: string,
): Promise<boolean> {
  const rows = await db
    .insert(twoFactorCredentials)
    .values({ userId, secretEncrypted })
    .onConflictDoUpdate({
      target: twoFactorCredentials.userId,
      set: { secretEncrypted, lastUsedStep: null, createdAt: sql`now()` },
      setWhere: isNull(twoFactorCredentials.enabledAt),
    })
    .returning({ userId: twoFactorCredentials.userId });
  return rows.length > 0;
}

/**
 * Records that a code of time step `step` was accepted, only if it is later than the last one accepted
 * (one atomic update, so two requests with the same code cannot both pass). `enable` also turns
 * two-factor on (confirming the set-up). Answers false for a replayed code.
 */
export async function claimTwoFactorStep(
  db: Db,
  userId: string,
  step: number,
  options: { enable?: boolean } = {},
): Promise<boolean> {
  const rows = await db
    .update(twoFactorCredentials)
    .set({
      lastUsedStep: step,
      ...(options.enable ? { enabledAt: sql`coalesce(${twoFactorCredentials.enabledAt}, now())` } : {}),
    })
    .where(
      and(
        eq(twoFactorCredentials.userId, userId),
        options.enable ? isNull(twoFactorCredentials.enabledAt) : isNotNull(twoFactorCredentials.enabledAt),
        or(isNull(twoFactorCredentials.lastUsedStep), lt(twoFactorCredentials.lastUsedStep, step)),
      ),
    )
    .returning({ userId: twoFactorCredentials.userId });
  return rows.length > 0;
}

/** Removes a person's authenticator and recovery codes (turned off, or reset by an administrator). */
export async function deleteTwoFactor(db: Db, userId: string): Promise<boolean> {
  await db.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  const rows = await db
    .delete(twoFactorCredentials)
    .where(eq(twoFactorCredentials.userId, userId))
    .returning({ enabledAt: twoFactorCredentials.enabledAt });
  return Boolean(rows[0]?.enabledAt);
}

/** Replaces a person's recovery codes with new ones (their keyed hashes). */
export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: string[]): Promise<void> {
  await db.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  if (codeHashes.length === 0) return;
  await db.insert(twoFactorRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Spends one recovery code: answers true once for an unused code of this person, false after. */
export async function consumeRecoveryCode(db: Db, userId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(twoFactorRecoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(twoFactorRecoveryCodes.userId, userId),
        eq(twoFactorRecoveryCodes.codeHash, codeHash),
        isNull(twoFactorRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: twoFactorRecoveryCodes.id });
  return rows.length > 0;
}

/** How many unused recovery codes a person has left. */
export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), isNull(twoFactorRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

// ── Sign-in challenges ────────────────────────────────────────────────────────────────────────────

/** Opens a pending second step for a person (`id` is the hash of the client's token). */
export async function insertSigninChallenge(
  db: Db,
  challenge: { id: string; userId: string; step: ChallengeStep; expiresAt: Date },
): Promise<void> {
  await db.insert(signinChallenges).values(challenge);
}

/** A live challenge by its hashed token (not expired), with its person. */
export async function findLiveSigninChallenge(db: Db, id: string) {
  const [row] = await db
    .select()
    .from(signinChallenges)
    .where(and(eq(signinChallenges.id, id), gt(signinChallenges.expiresAt, sql`now()`)));
  return row;
}

/**
 * Uses a challenge up (single use): deletes it and answers whether it was still live, so two requests
 * racing with one token cannot both start a session.
 */
export async function consumeSigninChallenge(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .delete(signinChallenges)
    .where(and(eq(signinChallenges.id, id), gt(signinChallenges.expiresAt, sql`now()`)))
    .returning({ id: signinChallenges.id });
  return rows.length > 0;
}

/**
 * Counts a wrong code against a challenge; at `max` failures the challenge is deleted (sign in again).
 * Answers the failures so far.
 */
export async function recordChallengeFailure(db: Db, id: string, max: number): Promise<number> {
  const [row] = await db
    .update(signinChallenges)
    .set({ failures: sql`${signinChallenges.failures} + 1` })
    .where(eq(signinChallenges.id, id))
    .returning({ failures: signinChallenges.failures });
  const failures = row?.failures ?? max;
  if (failures >= max) await db.delete(signinChallenges).where(eq(signinChallenges.id, id));
  return failures;
}

/** Deletes a person's pending challenges (their two-factor was reset, or they signed in). */
export async function deleteUserSigninChallenges(db: Db, userId: string): Promise<void> {
  await db.delete(signinChallenges).where(eq(signinChallenges.userId, userId));
}

/** Deletes expired challenges (the worker's clean-up). */
export async function deleteExpiredSigninChallenges(db: Db): Promise<void> {
  await db.delete(signinChallenges).where(lt(signinChallenges.expiresAt, sql`now()`));
}
