import { beforeAll, describe, expect, it } from 'vitest';
import { circleMembers, circles } from '../../db/schema/index.ts';
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
  write,
} from '../../test/permission-matrix.ts';

/**
 * The permission matrix of the circle endpoints (#18 §3): every endpoint × 14 kinds of actor × public /
 * institution / private × active / archived. The rules, from the issue: any member of the community
 * forms a circle; a circle is seen whole by its members (here the member, the guest and the member
 * suspended from the community), its existence and purpose by the community's leaders and the
 * coordinators, an open circle by the community's members, and is gone (404) for everyone else; only
 * its members act in it; archived is read-only and a suspension from the community refuses every write.
 */

interface Fixture {
  slug: string;
  /** By invitation, forming, with three members. */
  closedDoor: string;
  /** Open, forming, with the co-leader only. */
  open: string;
  /** Closed, with the same three members as `closedDoor`. */
  ended: string;
  leaderId: string;
}

const world = openMatrixWorld();

const inCircle: ReadonlySet<ActorName> = new Set(['member', 'guest', 'communitySuspended']);
const seesPrivate = (a: ActorName) => inCircle.has(a) || leads(a);
const seesOpen = (a: ActorName) => isMember(a) || isStaff(a);
/** 401 signed out, 404 when the community or the circle is hidden, then `then`. */
const on = (a: ActorName, c: Context, sees: boolean, then: () => number) =>
  !signedIn(a) ? 401 : !canSee(a, c) || !sees ? 404 : then();
const refusedWrite = (a: ActorName, c: Context) => c.archived || a === 'communitySuspended';
/** What a circle's member does in it: `success` for them, 403 for those who only see it. */
const inside = (success: number) => (a: ActorName, c: Context) =>
  on(a, c, seesPrivate(a), () => (refusedWrite(a, c) ? 403 : inCircle.has(a) ? success : 403));

const day = 86_400_000;
const isoDay = (offset: number) => new Date(Date.now() + offset * day).toISOString().slice(0, 10);

const endpoints: Endpoint<Fixture>[] = [
  {
    name: 'list circles',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/circles` }),
    expected: (a, c) => (!signedIn(a) ? 401 : canSee(a, c) ? 200 : 404),
  },
  {
    // One's own circles' meetings: every signed-in person gets theirs (the leak test checks whose).
    name: "the calendar's circle meetings",
    method: 'GET',
    request: () => ({ url: '/api/calendar/circles' }),
    expected: (a) => (!signedIn(a) ? 401 : 200),
  },
  {
    name: 'form a circle',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/circles`,
      payload: { name: 'Circle', purpose: 'Learning together.', startsOn: isoDay(1), endsOn: isoDay(43) },
    }),
    expected: (a, c) => write(a, c, isMember(a), 201),
  },
  {
    name: 'see a circle',
    method: 'GET',
    request: (f) => ({ url: `/api/circles/${f.closedDoor}` }),
    expected: (a, c) => on(a, c, seesPrivate(a), () => 200),
  },
  {
    name: 'join an open circle',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/circles/${f.open}/join` }),
    expected: (a, c) =>
      on(a, c, seesOpen(a), () =>
        refusedWrite(a, c) ? 403 : a === 'coLeader' ? 409 : isMember(a) ? 200 : 403,
      ),
  },
  {
    name: 'leave a circle',
    method: 'DELETE',
    mutates: true,
    request: (f) => ({ url: `/api/circles/${f.closedDoor}/membership` }),
    expected: (a, c) =>
      on(a, c, seesPrivate(a), () => (refusedWrite(a, c) ? 403 : inCircle.has(a) ? 200 : 409)),
  },
  {
    name: 'invite to a circle',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/circles/${f.closedDoor}/invitations`, payload: { userId: f.leaderId } }),
    expected: inside(201),
  },
  {
    name: 'post in a circle',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/circles/${f.closedDoor}/posts`, payload: { body: 'Hello circle' } }),
    expected: inside(201),
  },
  {
    name: "schedule a circle's meeting",
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/circles/${f.closedDoor}/meetings`,
      payload: { title: 'Session', startsAt: new Date(Date.now() + day).toISOString(), durationMinutes: 60 },
    }),
    expected: inside(201),
  },
  {
    name: 'start a circle',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/circles/${f.closedDoor}/start` }),
    expected: inside(200),
  },
  {
    name: 'close a circle',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/circles/${f.closedDoor}/close` }),
    expected: inside(200),
  },
  {
    name: 'write a closing reflection',
    method: 'PUT',
    request: (f) => ({ url: `/api/circles/${f.ended}/reflection`, payload: { body: 'We learned a lot.' } }),
    expected: inside(200),
  },
];

async function buildFixture(context: Context): Promise<Fixture> {
  const { people } = world;
  const db = world.t.app.deps.database.db;
  const community = await createMatrixCommunity(world, context);
  const base = {
    communityId: community.id,
    createdBy: people.member.id,
    name: 'Circle',
    purpose: 'Learning together.',
    startsOn: isoDay(0),
    endsOn: isoDay(42),
  };
  const rows = await db
    .insert(circles)
    .values([
      { ...base, open: false },
      { ...base, open: true, createdBy: people.coLeader.id },
      { ...base, open: false, state: 'closed' as const },
    ])
    .returning({ id: circles.id });
  const [closedDoor, open, ended] = rows.map((row) => row.id) as [string, string, string];
  const trio = [people.member.id, people.guest.id, people.communitySuspended.id];
  await db.insert(circleMembers).values([
    ...trio.flatMap((userId) => [
      { circleId: closedDoor, userId, status: 'member' as const },
      { circleId: ended, userId, status: 'member' as const },
    ]),
    { circleId: open, userId: people.coLeader.id, status: 'member' as const },
  ]);
  return { slug: community.slug, closedDoor, open, ended, leaderId: people.leader.id };
}

describe.each(contexts)('Circles in a $visibility community (archived: $archived)', (context) => {
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
