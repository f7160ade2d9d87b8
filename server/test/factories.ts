import { eq, sql } from 'drizzle-orm';
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
 * Signs in through the API and returns the cookie header to send with later requests. Each sign-in
 * comes from its own address, so a test file signing in many people stays under the per-address limit.
 */
export async function signInAs(app: App, email: string, password = testPassword): Promise<string> {
  signInAddress++;
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/signin',
    payload: { email, password },
    remoteAddress: `10.250.${Math.floor(signInAddress / 250) % 250}.${signInAddress % 250}`,
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
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
