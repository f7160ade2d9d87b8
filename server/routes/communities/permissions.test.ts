import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { communities, invitations, joinRequests } from '../../db/schema/index.ts';
import {
  actors,
  type Context,
  canSee,
  contexts,
  createMatrixCommunity,
  isMember,
  isStaff,
  leads,
  type Endpoint as MatrixEndpoint,
  matrixMismatches,
  openMatrixWorld,
  signedIn,
  write,
} from '../../test/permission-matrix.ts';

/**
 * The whole permission matrix of the community endpoints: every endpoint × every kind of actor ×
 * public / institution / private × active / archived → the status the API must answer. The expected
 * statuses are written out here from the issue's rules, independently of the policy module, so a
 * change in the policies that breaks a rule fails this test.
 */

type Endpoint = MatrixEndpoint<Fixture>;

const endpoints: Endpoint[] = [
  {
    name: 'home',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}` }),
    expected: (a, c) => (canSee(a, c) ? 200 : 404),
  },
  {
    name: 'stage history',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/stages` }),
    expected: (a, c) => (canSee(a, c) ? 200 : 404),
  },
  {
    name: 'charter versions',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/charter/versions` }),
    expected: (a, c) => (canSee(a, c) ? 200 : 404),
  },
  {
    name: 'members',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/members` }),
    expected: (a, c) => (!canSee(a, c) ? 404 : signedIn(a) ? 200 : 401),
  },
  {
    name: 'join requests',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/requests` }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'invitations',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/invitations` }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'invitations as CSV',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/invitations/csv` }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'edit details',
    method: 'PATCH',
    mutates: true,
    request: (f) => ({ url: `/api/communities/${f.slug}`, payload: { description: 'Updated.' } }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'join',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/communities/${f.slug}/join`, payload: {} }),
    expected: (a, c) => {
      if (signedIn(a) && canSee(a, c) && isMember(a)) return 409;
      return write(a, c, true);
    },
  },
  {
    name: 'leave',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/communities/${f.slug}/leave` }),
    expected: (a, c) => {
      if (signedIn(a) && canSee(a, c) && !isMember(a)) return 409;
      if (a === 'leader' && !c.archived) return 409; // the only leader
      // Leaving is the one change a suspended member still makes: it is about them, not the community.
      if (a === 'communitySuspended' && !c.archived) return 200;
      return write(a, c, true);
    },
  },
  {
    name: 'request to join',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/communities/${f.slug}/requests`, payload: { message: 'Hello' } }),
    // The matrix communities are open: asking is refused (join directly), members get 409.
    expected: (a, c) => (signedIn(a) && canSee(a, c) && isMember(a) ? 409 : write(a, c, false)),
  },
  {
    name: 'decide a request',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/requests/${f.requestId}/decision`,
      payload: { decision: 'approve' },
    }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'change stage',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/communities/${f.slug}/stage`, payload: { stage: 'maturing', note: 'n' } }),
    // Coordinators may also bring an archived community back.
    expected: (a, c) => (c.archived && isStaff(a) ? 200 : write(a, c, leads(a))),
  },
  {
    name: 'edit charter',
    method: 'PUT',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/charter`,
      payload: {
        sections: {
          objectives: 'o',
          roles: 'r',
          decisionMaking: 'd',
          participation: 'p',
          conflictResolution: 'c',
        },
        baseVersion: 1,
      },
    }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'change a role',
    method: 'PATCH',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/members/${f.people.member}`,
      payload: { role: 'sponsor' },
    }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'remove a member',
    method: 'DELETE',
    mutates: true,
    request: (f) => ({ url: `/api/communities/${f.slug}/members/${f.people.guest}` }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'invite by email',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/invitations`,
      payload: { emails: [`someone-${f.slug}@example.test`] },
    }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'create a link',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/communities/${f.slug}/invite-links`, payload: {} }),
    expected: (a, c) => write(a, c, leads(a), 201),
  },
];

interface Fixture {
  id: string;
  slug: string;
  requestId: string;
  people: Record<'member' | 'guest', string>;
}

const world = openMatrixWorld();

async function buildFixture(context: Context): Promise<Fixture> {
  const { people } = world;
  const db = world.t.app.deps.database.db;
  const community = await createMatrixCommunity(world, context);
  const [request] = await db
    .insert(joinRequests)
    .values({ communityId: community.id, userId: people.pendingRequester.id })
    .returning({ id: joinRequests.id });
  await db.insert(invitations).values({
    communityId: community.id,
    tokenHash: `matrix-${community.id}`,
    email: people.invited.email,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return {
    id: community.id,
    slug: community.slug,
    requestId: request?.id ?? '',
    people: { member: people.member.id, guest: people.guest.id },
  };
}

describe.each(contexts)('endpoints of a $visibility community (archived: $archived)', (context) => {
  let shared: Fixture;
  beforeAll(async () => {
    shared = await buildFixture(context);
  });

  it.each(endpoints)('$name answers every actor as the rules say', async (endpoint) => {
    const mismatches = await matrixMismatches(world.t, endpoint, context, world.cookies, shared, () =>
      buildFixture(context),
    );
    expect(mismatches).toBe('');
  });
});

describe.each(contexts)('a $visibility community (archived: $archived)', (context) => {
  it('lists the community in the directory exactly for those who can see it', async () => {
    const { t, cookies } = world;
    const shared = await buildFixture(context);
    const mismatches: string[] = [];
    const [row] = await t.app.deps.database.db
      .select({ name: communities.name })
      .from(communities)
      .where(eq(communities.id, shared.id));
    const query = `/api/communities?q=${encodeURIComponent(`"${row?.name ?? ''}"`)}&limit=100`;
    for (const actor of actors) {
      const cookie = cookies[actor];
      const response = await t.app.inject({ method: 'GET', url: query, headers: cookie ? { cookie } : {} });
      const ids = (response.json().data as { id: string }[]).map((c) => c.id);
      const expected = canSee(actor, context) ? 1 : 0;
      const found = ids.filter((id) => id === shared.id).length;
      if (found !== expected) mismatches.push(`${actor}: expected ${expected}, found ${found}`);
    }
    expect(mismatches).toEqual([]);
  });
});
