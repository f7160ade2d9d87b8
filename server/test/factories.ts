import { eq, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { SignInResult } from '../../common/contracts/two-factor.ts';
import type { MembershipRole, PersonKind, UserRole } from '../../common/enums.ts';
import type { App } from '../app.ts';
import type { Db } from '../db/client.ts';
import {
  communities,
  communityMembers,
  contactRequests,
  mailMessages,
  proposalLeaders,
  proposalMessages,
  proposals,
  units,
  users,
} from '../db/schema/index.ts';
import { hashPassword } from '../lib/crypto.ts';
import { buildPersonSearchDocument } from '../queries/users.ts';
import { createCommunity, type NewCommunity } from '../services/communities/create-community.ts';

export const testPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

export interface UserOverrides {
  email?: string;
  displayName?: string;
  role?: UserRole;
  confirmed?: boolean;
  suspended?: boolean;
  expertise?: string[];
  interests?: string[];
  unitId?: string | null;
  kind?: PersonKind;
}

/** Inserts a person straight into the database (password `testPassword`, confirmed unless told). */
export async function createUser(db: Db, overrides: UserOverrides = {}) {
  passwordHash ??= hashPassword(testPassword);
  const id = next();
  const displayName = overrides.displayName ?? `Person ${id}`;
  const expertise = overrides.expertise ?? [];
  const interests = overrides.interests ?? [];
  const [user] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `person-${id}@example.test`,
      passwordHash: await passwordHash,
      displayName,
      role: overrides.role ?? 'member',
      emailVerifiedAt: overrides.confirmed === false ? null : new Date(),
      suspendedAt: overrides.suspended ? new Date() : null,
      expertise,
      interests,
      unitId: overrides.unitId ?? null,
      kind: overrides.kind ?? 'staff',
      searchDocument: buildPersonSearchDocument({ displayName, expertise, interests, bio: '' }),
    })
    .returning();
  if (!user) throw new Error('createUser inserted nothing');
  return user;
}

export async function createUnit(db: Db, name = `Unit ${next()}`) {
  const [unit] = await db.insert(units).values({ name }).returning();
  if (!unit) throw new Error('createUnit inserted nothing');
  return unit;
}

let signInAddress = 0;

/**
 * What the test helpers know of each person's two-factor sign-in, by email: the secret their app would
 * hold, the last time step used (a code is good once) and recovery codes not yet spent. Administrators
 * and coordinators must use two-factor, so `signInAs` sets it up at their first sign-in.
 */
const authenticators = new Map<string, { secret: string; lastStep: number; recoveryCodes: string[] }>();

/** The six-digit code for `secret` at time step `step` (what an authenticator app shows). */
export function totpCodeAt(secret: string, step: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: step * 30_000,
  });
}

/** The current 30-second time step. */
export const currentTotpStep = () => Math.floor(Date.now() / 30_000);

/** Remembers a secret a test set up itself, so `signInAs` can sign that person in later. */
export function rememberAuthenticator(
  email: string,
  secret: string,
  lastStep = 0,
  recoveryCodes: string[] = [],
) {
  authenticators.set(email, { secret: secret.replace(/\s+/g, ''), lastStep, recoveryCodes });
}

/** A code for the person's next sign-in: a code of a time step not used yet, else a recovery code. */
function nextSecondFactor(email: string): string {
  const known = authenticators.get(email);
  if (!known) throw new Error(`signInAs: no authenticator known for ${email}`);
  const step = Math.max(currentTotpStep(), known.lastStep + 1);
  // The server accepts the steps next to the current one (clock drift): beyond that, a recovery code.
  if (step <= currentTotpStep() + 1) {
    known.lastStep = step;
    return totpCodeAt(known.secret, step);
  }
  const code = known.recoveryCodes.shift();
  if (!code) throw new Error(`signInAs: ${email} signed in too often for its codes`);
  return code;
}

/**
 * Signs in through the API and returns the cookie header to send with later requests. Each sign-in
 * comes from its own address, so a test file signing in many people stays under the per-address limit.
 * The second step is taken as a person would: the code from their app, or setting two-factor up when
 * their role requires it (administrators and coordinators).
 */
export async function signInAs(app: App, email: string, password = testPassword): Promise<string> {
  signInAddress++;
  const remoteAddress = `10.250.${Math.floor(signInAddress / 250) % 250}.${signInAddress % 250}`;
  const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload, remoteAddress });
  let response = await post('/api/auth/signin', { email, password });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const { secondStep } = (response.json() as { data: SignInResult }).data;
  if (secondStep?.step === 'enrol') {
    const setup = await post('/api/auth/two-factor/enrol', { challenge: secondStep.challenge });
    if (setup.statusCode !== 200) throw new Error(`enrolment failed: ${setup.statusCode} ${setup.body}`);
    const step = currentTotpStep();
    rememberAuthenticator(email, (setup.json() as { data: { secret: string } }).data.secret, step);
    const known = authenticators.get(email);
    response = await post('/api/auth/two-factor/enrol/confirm', {
      challenge: secondStep.challenge,
      code: totpCodeAt(known?.secret ?? '', step),
    });
    if (known)
      known.recoveryCodes = (response.json() as { data: { recoveryCodes: string[] } }).data.recoveryCodes;
  } else if (secondStep?.step === 'code') {
    response = await post('/api/auth/two-factor/verify', {
      challenge: secondStep.challenge,
      code: nextSecondFactor(email),
    });
  }
  if (response.statusCode !== 200)
    throw new Error(`second step failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'copse_session');
  if (!cookie) throw new Error('no session cookie');
  return `copse_session=${cookie.value}`;
}

/** A person of the given role, signed in; returns the row and the cookie. */
export async function signedInUser(app: App, overrides: UserOverrides = {}) {
  const user = await createUser(app.deps.database.db, overrides);
  return { user, cookie: await signInAs(app, user.email) };
}

/** The newest email sent to an address, and the first link in it. */
export async function latestEmailTo(db: Db, address: string) {
  const [message] = await db
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.toAddress, address))
    .orderBy(sql`${mailMessages.createdAt} desc`)
    .limit(1);
  const link = message?.textBody.match(/https?:\/\/\S+/)?.[0];
  return { message, link, token: link ? new URL(link).searchParams.get('token') : null };
}

// ── Communities (issue #3) ────────────────────────────────────────────────────────────────────────

export interface CommunityOverrides extends Partial<Omit<NewCommunity, 'leaderIds' | 'createdBy'>> {
  /** Extra members: [userId, role]. */
  members?: [string, MembershipRole][];
}

/** A community led by `leaderId` (plus co-leaders), created through the real service. */
export async function createTestCommunity(db: Db, leaderIds: string[], overrides: CommunityOverrides = {}) {
  const { members = [], ...fields } = overrides;
  return db.transaction(async (tx) => {
    const community = await createCommunity(tx, {
      name: `Community ${next()}`,
      kind: 'community_of_practice',
      purpose: 'Colleagues sharing what works in their teaching practice.',
      topics: [],
      unitId: null,
      audience: 'everyone',
      format: 'hybrid',
      visibility: 'institution',
      joinPolicy: 'open',
      ...fields,
      leaderIds,
      createdBy: leaderIds[0] ?? '',
    });
    if (members.length > 0) {
      await tx
        .insert(communityMembers)
        .values(members.map(([userId, role]) => ({ communityId: community.id, userId, role })));
      await tx
        .update(communities)
        .set({ memberCount: sql`${communities.memberCount} + ${members.length}` })
        .where(eq(communities.id, community.id));
    }
    return community;
  });
}

// ── Proposals and contact requests (issue #3) ─────────────────────────────────────────────────────

export interface ProposalOverrides {
  name?: string;
  purpose?: string;
  status?: 'submitted' | 'changes_requested' | 'approved' | 'declined' | 'withdrawn';
  /** Named co-leaders and their answer. */
  coLeaders?: [string, 'pending' | 'accepted' | 'declined'][];
}

/** A proposal inserted straight into the database, with its "submitted" step. */
export async function createProposal(db: Db, proposerId: string, overrides: ProposalOverrides = {}) {
  const [proposal] = await db
    .insert(proposals)
    .values({
      proposerId,
      name: overrides.name ?? `Proposal ${next()}`,
      purpose: overrides.purpose ?? 'People who want to learn from each other’s practice.',
      status: overrides.status ?? 'submitted',
    })
    .returning();
  if (!proposal) throw new Error('createProposal inserted nothing');
  const coLeaders = overrides.coLeaders ?? [];
  if (coLeaders.length > 0)
    await db
      .insert(proposalLeaders)
      .values(coLeaders.map(([userId, status]) => ({ proposalId: proposal.id, userId, status })));
  await db
    .insert(proposalMessages)
    .values({ proposalId: proposal.id, authorId: proposerId, event: 'submitted' });
  return proposal;
}

/** A contact request as if sent through the form. */
export async function createContactRequest(
  db: Db,
  overrides: Partial<typeof contactRequests.$inferInsert> = {},
) {
  const [request] = await db
    .insert(contactRequests)
    .values({
      name: 'Robin Visitor',
      email: `visitor-${next()}@example.test`,
      topic: 'start_community',
      message: 'I would like to start a community on outdoor learning.',
      ...overrides,
    })
    .returning();
  if (!request) throw new Error('createContactRequest inserted nothing');
  return request;
}
