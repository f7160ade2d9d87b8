import { beforeAll, describe, expect, it } from 'vitest';
import { successionNominations, successions } from '../../db/schema/index.ts';
import {
  type ActorName,
  type Context,
  canSee,
  contexts,
  createMatrixCommunity,
  type Endpoint,
  isMember,
  isStaff,
  leads,
  matrixMismatches,
  openMatrixWorld,
  signedIn,
} from '../../test/permission-matrix.ts';

/**
 * The permission matrix of leadership terms and succession (#18 §1): every endpoint × 14 kinds of actor
 * × public / institution / private × active / archived. The rules, from the issue: the Leadership tab is
 * the community's members' and the coordinators' (404 for everyone else who sees the community); a
 * leader or co-leader steps down or starts a succession for their own place (the last leader may not
 * simply step down: 409); members other than guests nominate, object and vote; the leaders and the
 * coordinators decide, close and call off; the nominee answers; the two leaders tick the hand-over.
 * Archived is read-only and a suspension from the community refuses every write. The fixture has a
 * succession under way (nominating, by the leaders' decision), the member nominated and accepting.
 */

interface Fixture {
  slug: string;
  memberId: string;
  coLeaderId: string;
  leaderId: string;
}

const world = openMatrixWorld();

const seesLeadership = (a: ActorName) => isMember(a) || isStaff(a);
const hasASay = (a: ActorName) => isMember(a) && a !== 'guest';
const leaderRole = (a: ActorName) => a === 'leader' || a === 'coLeader';
/** 401 signed out, 404 when the community or its leadership is hidden, 403 archived or suspended, then the rule. */
const inside =
  (allowed: (a: ActorName) => boolean, success: number | ((a: ActorName) => number)) =>
  (a: ActorName, c: Context) => {
    if (!signedIn(a)) return 401;
    if (!canSee(a, c) || !seesLeadership(a)) return 404;
    if (c.archived || a === 'communitySuspended') return 403;
    if (!allowed(a)) return 403;
    return typeof success === 'number' ? success : success(a);
  };

const base = (f: Fixture) => `/api/communities/${f.slug}/succession`;

const endpoints: Endpoint<Fixture>[] = [
  {
    name: 'see the leadership tab',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/leadership` }),
    expected: (a, c) => (!signedIn(a) ? 401 : canSee(a, c) && seesLeadership(a) ? 200 : 404),
  },
  {
    name: "set a leader's term",
    method: 'PUT',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/leadership/terms/${f.leaderId}`,
      payload: { startsOn: '2026-01-01', endsOn: '2027-01-01' },
    }),
    expected: inside(leads, 200),
  },
  {
    name: 'step down at once',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/communities/${f.slug}/leadership/step-down`, payload: { role: 'member' } }),
    // The leader is the only one with the role `leader`: refused, so the community keeps a leader.
    expected: inside(leaderRole, (a) => (a === 'leader' ? 409 : 200)),
  },
  {
    name: 'start a succession',
    method: 'POST',
    request: (f) => ({ url: base(f), payload: { outgoingRole: 'member' } }),
    // One is under way already.
    expected: inside(leaderRole, 409),
  },
  {
    name: 'call off a succession',
    method: 'DELETE',
    mutates: true,
    request: (f) => ({ url: base(f) }),
    expected: inside(leads, 200),
  },
  {
    name: 'nominate a member',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `${base(f)}/nominations`, payload: { userId: f.coLeaderId } }),
    expected: inside(hasASay, 201),
  },
  {
    name: 'answer a nomination',
    method: 'PUT',
    request: (f) => ({ url: `${base(f)}/nomination`, payload: { accept: true } }),
    expected: inside((a) => a === 'member', 200),
  },
  {
    name: "decide (the leaders' decision)",
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `${base(f)}/decision`, payload: { successorId: f.memberId } }),
    expected: inside(leads, 200),
  },
  {
    name: 'object to a proposed successor',
    method: 'POST',
    request: (f) => ({ url: `${base(f)}/objections`, payload: { reason: 'Not yet.' } }),
    expected: inside(hasASay, 409),
  },
  {
    name: 'vote',
    method: 'POST',
    request: (f) => ({ url: `${base(f)}/votes`, payload: { nomineeId: f.memberId } }),
    expected: inside(hasASay, 409),
  },
  {
    name: 'close a decision period',
    method: 'POST',
    request: (f) => ({ url: `${base(f)}/close` }),
    expected: inside(leads, 409),
  },
  {
    name: 'tick the hand-over checklist',
    method: 'POST',
    request: (f) => ({ url: `${base(f)}/handover`, payload: { key: 'access_and_roles' } }),
    expected: inside((a) => a === 'leader', 409),
  },
];

async function buildFixture(context: Context): Promise<Fixture> {
  const { people } = world;
  const db = world.t.app.deps.database.db;
  const community = await createMatrixCommunity(world, context);
  const [row] = await db
    .insert(successions)
    .values({
      communityId: community.id,
      outgoingId: people.leader.id,
      outgoingRole: 'co_leader',
      process: 'leaders',
    })
    .returning({ id: successions.id });
  await db.insert(successionNominations).values({
    successionId: row?.id ?? '',
    nomineeId: people.member.id,
    nominatedBy: people.leader.id,
    status: 'accepted',
  });
  return {
    slug: community.slug,
    memberId: people.member.id,
    coLeaderId: people.coLeader.id,
    leaderId: people.leader.id,
  };
}

describe.each(contexts)('Succession in a $visibility community (archived: $archived)', (context) => {
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
