import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { PersonKind } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import {
  identityProviders,
  invitations,
  projectInvitations,
  ssoPendingLinks,
  ssoSessions,
  ssoStates,
  units,
  userIdentities,
  users,
} from '../db/schema/index.ts';

export type IdentityProviderRow = typeof identityProviders.$inferSelect;
export type NewIdentityProvider = Omit<
  typeof identityProviders.$inferInsert,
  'id' | 'createdAt' | 'updatedAt'
>;

/** Every identity provider, by name (administrators' list). */
export async function listIdentityProviders(db: Db): Promise<IdentityProviderRow[]> {
  return db
    .select()
    .from(identityProviders)
    .orderBy(asc(sql`lower(${identityProviders.name})`), asc(identityProviders.id));
}

/** The enabled providers' ids and names, for the sign-in page's buttons. */
export async function listEnabledIdentityProviders(db: Db): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: identityProviders.id, name: identityProviders.name })
    .from(identityProviders)
    .where(eq(identityProviders.enabled, true))
    .orderBy(asc(sql`lower(${identityProviders.name})`), asc(identityProviders.id));
}

export async function findIdentityProvider(db: Db, id: string): Promise<IdentityProviderRow | undefined> {
  const [row] = await db.select().from(identityProviders).where(eq(identityProviders.id, id)).limit(1);
  return row;
}

export async function insertIdentityProvider(
  db: Db,
  values: NewIdentityProvider,
): Promise<IdentityProviderRow> {
  const [row] = await db.insert(identityProviders).values(values).returning();
  if (!row) throw new Error('identity provider insert returned nothing');
  return row;
}

/** Changes a provider (undefined fields stay); answers the row, undefined when there is none. */
export async function updateIdentityProvider(
  db: Db,
  id: string,
  changes: Partial<NewIdentityProvider>,
): Promise<IdentityProviderRow | undefined> {
  const [row] = await db
    .update(identityProviders)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(identityProviders.id, id))
    .returning();
  return row;
}

/** Removes a provider; its people keep their accounts (their identities lose the provider). */
export async function deleteIdentityProvider(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .delete(identityProviders)
    .where(eq(identityProviders.id, id))
    .returning({ id: identityProviders.id });
  return rows.length > 0;
}

/** Keeps a sign-in under way (state hashed) until `expiresAt`. */
export async function insertSsoState(db: Db, values: typeof ssoStates.$inferInsert): Promise<void> {
  await db.insert(ssoStates).values(values);
}

/** Takes a sign-in under way by its hashed state: deleted as it is read, so it is usable once. */
export async function takeSsoState(db: Db, id: string) {
  const [row] = await db
    .delete(ssoStates)
    .where(and(eq(ssoStates.id, id), gt(ssoStates.expiresAt, sql`now()`)))
    .returning();
  return row;
}

/** The account behind (issuer, subject), if any, with what signing in needs to know about it. */
export async function findUserByIdentity(db: Db, issuer: string, subject: string) {
  const [row] = await db
    .select({ identityId: userIdentities.id, userId: users.id, suspendedAt: users.suspendedAt })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)))
    .limit(1);
  return row;
}

export async function touchUserIdentity(db: Db, identityId: string): Promise<void> {
  await db.update(userIdentities).set({ lastUsedAt: sql`now()` }).where(eq(userIdentities.id, identityId));
}

/** Links (issuer, subject) to an account; a pair linked already stays where it is. */
export async function insertUserIdentity(
  db: Db,
  values: { userId: string; providerId: string; issuer: string; subject: string },
): Promise<boolean> {
  const rows = await db
    .insert(userIdentities)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: userIdentities.id });
  return rows.length > 0;
}

/** The providers linked to a person's account (the profile page). */
export async function listUserIdentities(db: Db, userId: string) {
  return db
    .select({
      id: userIdentities.id,
      issuer: userIdentities.issuer,
      providerName: identityProviders.name,
      createdAt: userIdentities.createdAt,
      lastUsedAt: userIdentities.lastUsedAt,
    })
    .from(userIdentities)
    .leftJoin(identityProviders, eq(identityProviders.id, userIdentities.providerId))
    .where(eq(userIdentities.userId, userId))
    .orderBy(asc(userIdentities.createdAt));
}

/** A just-in-time account made from a provider's claims: no usable password, address as the provider said. */
export async function insertSsoAccount(
  db: Db,
  values: {
    email: string;
    displayName: string;
    unitId: string | null;
    kind: PersonKind;
    emailVerified: boolean;
    searchDocument: string;
  },
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .insert(users)
    .values({
      email: values.email,
      // Not an argon2 hash, so no password ever matches it.
      passwordHash: '!sso',
      displayName: values.displayName,
      unitId: values.unitId,
      kind: values.kind,
      emailVerifiedAt: values.emailVerified ? sql`now()` : null,
      searchDocument: values.searchDocument,
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  return row;
}

/** The unit named `name` (any case), if there is one. */
export async function findUnitIdByName(db: Db, name: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(eq(sql`lower(${units.name})`, name.toLowerCase()))
    .limit(1);
  return row?.id;
}

/** Remembers that a session came through a provider, with the ID token single log-out hints with. */
export async function insertSsoSession(
  db: Db,
  values: { sessionId: string; providerId: string; idToken: string },
): Promise<void> {
  await db.insert(ssoSessions).values(values);
}

/** The provider and ID token of an SSO session, if the session came through one. */
export async function findSsoSession(db: Db, sessionId: string) {
  const [row] = await db.select().from(ssoSessions).where(eq(ssoSessions.sessionId, sessionId)).limit(1);
  return row;
}

export async function insertSsoPendingLink(
  db: Db,
  values: typeof ssoPendingLinks.$inferInsert,
): Promise<void> {
  await db.insert(ssoPendingLinks).values(values);
}

/** A link waiting for proof, by the hash of the browser's token, with the account's email and the provider's name. */
export async function findSsoPendingLink(db: Db, id: string) {
  const [row] = await db
    .select({
      link: ssoPendingLinks,
      email: users.email,
      displayName: users.displayName,
      language: users.language,
      passwordHash: users.passwordHash,
      providerName: identityProviders.name,
    })
    .from(ssoPendingLinks)
    .innerJoin(users, eq(users.id, ssoPendingLinks.userId))
    .innerJoin(identityProviders, eq(identityProviders.id, ssoPendingLinks.providerId))
    .where(and(eq(ssoPendingLinks.id, id), gt(ssoPendingLinks.expiresAt, sql`now()`)))
    .limit(1);
  return row;
}

/** Counts a wrong password against a pending link; answers the count. */
export async function countSsoPendingLinkFailure(db: Db, id: string): Promise<number> {
  const [row] = await db
    .update(ssoPendingLinks)
    .set({ failedAttempts: sql`${ssoPendingLinks.failedAttempts} + 1` })
    .where(eq(ssoPendingLinks.id, id))
    .returning({ failedAttempts: ssoPendingLinks.failedAttempts });
  return row?.failedAttempts ?? 0;
}

export async function updateSsoPendingLinkEmailToken(
  db: Db,
  id: string,
  emailTokenHash: string,
): Promise<void> {
  await db.update(ssoPendingLinks).set({ emailTokenHash }).where(eq(ssoPendingLinks.id, id));
}

/** Takes a pending link (deleted as it is read): by the browser's token hash, or by the emailed link's. */
export async function takeSsoPendingLink(db: Db, by: { id: string } | { emailTokenHash: string }) {
  const where =
    'id' in by ? eq(ssoPendingLinks.id, by.id) : eq(ssoPendingLinks.emailTokenHash, by.emailTokenHash);
  const [row] = await db
    .delete(ssoPendingLinks)
    .where(and(where, gt(ssoPendingLinks.expiresAt, sql`now()`)))
    .returning();
  return row;
}

/** Clears sign-ins and pending links that were never finished (the clean-up job). */
export async function deleteExpiredSsoRows(db: Db): Promise<void> {
  await db.delete(ssoStates).where(lt(ssoStates.expiresAt, sql`now()`));
  await db.delete(ssoPendingLinks).where(lt(ssoPendingLinks.expiresAt, sql`now()`));
}

/** Whether `email` has an invitation still open (an invited guest may sign up in SSO-only mode). */
/**
 * Whether an address has an open invitation to be a project's partner (#18 §4): such a person is from
 * outside the institution, so the account it makes is external whatever the sign-in mode.
 */
export async function hasOpenPartnerInvitation(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .innerJoin(projectInvitations, eq(projectInvitations.invitationId, invitations.id))
    .where(
      and(
        eq(invitations.email, email),
        eq(invitations.status, 'pending'),
        gt(invitations.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function hasOpenEmailInvitation(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.email, email),
        eq(invitations.status, 'pending'),
        gt(invitations.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row !== undefined;
}
