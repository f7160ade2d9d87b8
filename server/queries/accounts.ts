import { and, eq, isNull, sql } from 'drizzle-orm';
import type { PersonKind } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import type { UserRow } from './users.ts';

/** What creating an account writes; the search document comes from `buildPersonSearchDocument`. */
export interface NewAccount {
  email: string;
  passwordHash: string;
  displayName: string;
  searchDocument: string;
  /** staff unless said (an invited guest signing up in SSO-only mode is external). */
  kind?: PersonKind;
}

/**
 * Adds an unconfirmed account (sign-up); answers its id, or undefined when the address has an account
 * already (the insert does nothing rather than fail, so both cost the same).
 */
export async function insertAccount(db: Db, account: NewAccount): Promise<{ id: string } | undefined> {
  const [row] = await db.insert(users).values(account).onConflictDoNothing().returning({ id: users.id });
  return row;
}

/** Adds the first administrator at set-up, their address confirmed; answers the id. */
export async function insertAdministrator(db: Db, account: NewAccount): Promise<{ id: string } | undefined> {
  const [row] = await db
    .insert(users)
    .values({ ...account, role: 'administrator', emailVerifiedAt: sql`now()` })
    .returning({ id: users.id });
  return row;
}

/** Marks a person's address confirmed now, unless it was already (the first confirmation stays). */
export async function updateEmailConfirmed(db: Db, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ emailVerifiedAt: sql`now()` })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)));
}

/**
 * Counts a person's address as confirmed (a sign-in link proved it) and answers what signing in checks:
 * the address, the suspension, role and kind (undefined: no such person).
 */
export async function updateEmailConfirmedForSignin(db: Db, userId: string) {
  const [row] = await db
    .update(users)
    .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
    .where(eq(users.id, userId))
    .returning({
      id: users.id,
      email: users.email,
      suspendedAt: users.suspendedAt,
      role: users.role,
      kind: users.kind,
    });
  return row;
}

/** Sets a person's password (its hash). */
export async function updatePassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

/**
 * Sets a person's password from a reset link, which also counts their address as confirmed (the link
 * proved it); answers the person (undefined: no such person).
 */
export async function updatePasswordFromReset(
  db: Db,
  userId: string,
  passwordHash: string,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({
      passwordHash,
      emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, userId))
    .returning();
  return row;
}
