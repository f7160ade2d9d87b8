import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { Visibility } from '../../common/enums.ts';
import { communities, communitySuspensions, users } from '../db/schema/index.ts';
import { getTestApp, type TestApp } from './app.ts';
import { createTestCommunity, createUser, signInAs } from './factories.ts';

/**
 * The shared parts of the permission-matrix tests: the kinds of actor, the rules written out from the
 * issues (independently of the policy module), and the loop that asks every actor. Each matrix test
 * lists its endpoints and builds its fixtures.
 */

export const actors = [
  'anonymous',
  'nonMember',
  'external',
  'pendingRequester',
  'invited',
  'member',
  'guest',
  'coLeader',
  'leader',
  'coordinator',
  'administrator',
  'suspended',
  'communitySuspended',
  'otherCommunityMember',
] as const;
export type ActorName = (typeof actors)[number];

export interface Context {
  visibility: Visibility;
  archived: boolean;
}

export const contexts: Context[] = (['public', 'institution', 'private'] as const).flatMap((visibility) => [
  { visibility, archived: false },
  { visibility, archived: true },
]);

const memberRoles: Partial<Record<ActorName, 'member' | 'guest' | 'co_leader' | 'leader'>> = {
  member: 'member',
  communitySuspended: 'member',
  guest: 'guest',
  coLeader: 'co_leader',
  leader: 'leader',
};
export const isMember = (actor: ActorName) => actor in memberRoles;
export const isStaff = (actor: ActorName) => actor === 'coordinator' || actor === 'administrator';
export const signedIn = (actor: ActorName) => actor !== 'anonymous' && actor !== 'suspended';

/** The reading rule: members and coordinators always; public: anyone; institution: signed-in, not external. */
export function canSee(actor: ActorName, context: Context): boolean {
  if (isMember(actor) || isStaff(actor)) return true;
  if (context.visibility === 'public') return true;
  if (context.visibility === 'institution') return signedIn(actor) && actor !== 'external';
  return false;
}
export const leads = (actor: ActorName) => actor === 'leader' || actor === 'coLeader' || isStaff(actor);

/**
 * 401 signed out (before anything is looked up), 404 unseen, 403 archived, 403 for a member suspended
 * from the community (a suspension refuses every write in it), then `allowed` → success, else 403.
 */
export function write(actor: ActorName, context: Context, allowed: boolean, success = 200): number {
  if (!signedIn(actor)) return 401;
  if (!canSee(actor, context)) return 404;
  if (context.archived || actor === 'communitySuspended') return 403;
  return allowed ? success : 403;
}

export interface Endpoint<F> {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path and body, given the fixture (and the actor asking, for requests about oneself). */
  request(f: F, actor: ActorName): { url: string; payload?: object };
  expected(actor: ActorName, context: Context): number;
  /** Changes state when it succeeds: run it on a fixture of its own. */
  mutates?: boolean;
}

export type MatrixPeople = Record<Exclude<ActorName, 'anonymous'>, { id: string; email: string }>;

/** One person per kind of actor, signed in (the suspended one is suspended after signing in). */
export async function createMatrixActors(t: TestApp) {
  const db = t.app.deps.database.db;
  const people = {} as MatrixPeople;
  const cookies = {} as Record<ActorName, string | undefined>;
  for (const actor of actors) {
    if (actor === 'anonymous') continue;
    const user = await createUser(db, {
      role: actor === 'coordinator' || actor === 'administrator' ? actor : 'member',
      kind: actor === 'external' || actor === 'guest' ? 'external' : 'staff',
    });
    people[actor] = user;
    cookies[actor] = await signInAs(t.app, user.email);
  }
  // A suspended person's session no longer counts: they are anonymous.
  await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, people.suspended.id));
  return { people, cookies };
}

/** Asks every actor; returns one line per answer that differs from the rules. */
export async function matrixMismatches<F>(
  t: TestApp,
  endpoint: Endpoint<F>,
  context: Context,
  cookies: Record<ActorName, string | undefined>,
  shared: F,
  freshFixture: () => Promise<F>,
): Promise<string> {
  const mismatches: string[] = [];
  for (const actor of actors) {
    const expected = endpoint.expected(actor, context);
    const fixture = endpoint.mutates && expected < 300 ? await freshFixture() : shared;
    const { url, payload } = endpoint.request(fixture, actor);
    const cookie = cookies[actor];
    const response = await t.app.inject({
      method: endpoint.method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
    if (response.statusCode !== expected) {
      mismatches.push(
        `${actor}: expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 120)}`,
      );
    }
  }
  return mismatches.join('\n');
}

export interface MatrixWorld {
  t: TestApp;
  people: MatrixPeople;
  cookies: Record<ActorName, string | undefined>;
}

/**
 * Opens the matrix's world for the test file (closed after it): the app, one signed-in person per kind
 * of actor, and the "other community" its member belongs to. Read the fields inside tests and hooks.
 */
export function openMatrixWorld(): MatrixWorld {
  const world = {} as MatrixWorld;
  beforeAll(async () => {
    world.t = await getTestApp();
    Object.assign(world, await createMatrixActors(world.t));
    const db = world.t.app.deps.database.db;
    const otherLeader = await createUser(db);
    await createTestCommunity(db, [otherLeader.id], {
      members: [[world.people.otherCommunityMember.id, 'member']],
    });
  });
  afterAll(async () => world.t.close());
  return world;
}

/**
 * The community a fixture is about: open to join, led by the leader, with a co-leader, a member and a
 * guest, in the context's visibility, archived when the context says so.
 */
export async function createMatrixCommunity(world: MatrixWorld, context: Context) {
  const db = world.t.app.deps.database.db;
  const { people } = world;
  const community = await createTestCommunity(db, [people.leader.id], {
    visibility: context.visibility,
    joinPolicy: 'open',
    members: [
      [people.coLeader.id, 'co_leader'],
      [people.member.id, 'member'],
      [people.guest.id, 'guest'],
      [people.communitySuspended.id, 'member'],
    ],
  });
  await db.insert(communitySuspensions).values({
    communityId: community.id,
    userId: people.communitySuspended.id,
    reason: 'Matrix: a member suspended from this community',
    suspendedBy: people.leader.id,
  });
  if (context.archived) {
    await db.update(communities).set({ stage: 'archived' }).where(eq(communities.id, community.id));
  }
  return community;
}
