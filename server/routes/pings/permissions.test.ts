import { beforeAll, describe, expect, it } from 'vitest';
import { pingAnswerLinks, pingRecipients, pings } from '../../db/schema/index.ts';
import { hashToken, newToken } from '../../lib/crypto.ts';
import {
  type ActorName,
  type Context,
  canSee,
  contexts,
  createMatrixCommunity,
  type Endpoint,
  leads,
  matrixMismatches,
  openMatrixWorld,
  signedIn,
  write,
} from '../../test/permission-matrix.ts';

/**
 * The permission matrix of the Ping endpoints (issue #16 §1): every endpoint × 14 kinds of actor ×
 * public / institution / private × active / archived. The rules, from the issue: leaders, co-leaders
 * and coordinators send Pings, close and extend them and export the answers; a Ping is seen by its
 * recipients (here the Ping goes to the `member` role: the member and the member suspended from the
 * community) and by those who lead, and is gone (404) for everyone else; recipients who are active
 * members answer; archived is read-only (the export still reads); a member suspended from the community
 * sees the Ping sent to them but cannot answer. Answer links need no session: the token is the right.
 */

interface Fixture {
  slug: string;
  ping: string;
  opensAt: Date;
  /** A one-click answer link of the member's. */
  token: string;
}

const world = openMatrixWorld();

const recipients: ReadonlySet<ActorName> = new Set(['member', 'communitySuspended']);
const seesPing = (actor: ActorName, context: Context) =>
  canSee(actor, context) && (recipients.has(actor) || leads(actor));
/** 401 signed out, 404 for whoever may not see the Ping, else `then`. */
const onPing = (actor: ActorName, context: Context, then: number) =>
  !signedIn(actor) ? 401 : !seesPing(actor, context) ? 404 : then;

const endpoints: Endpoint<Fixture>[] = [
  {
    name: 'send a Ping',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/pings`,
      payload: {
        question: 'Which day?',
        kind: 'choice',
        choices: ['Mon', 'Tue'],
        audience: 'all',
        windowHours: 24,
      },
    }),
    expected: (a, c) => write(a, c, leads(a), 201),
  },
  {
    name: 'list Pings',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/pings` }),
    expected: (a, c) => (!signedIn(a) ? 401 : canSee(a, c) ? 200 : 404),
  },
  {
    // Whoever is signed in has a list of their own (empty unless a Ping was sent to them).
    name: 'my open Pings',
    method: 'GET',
    request: () => ({ url: '/api/pings' }),
    expected: (a) => (signedIn(a) ? 200 : 401),
  },
  {
    name: 'a Ping',
    method: 'GET',
    request: (f) => ({ url: `/api/pings/${f.ping}` }),
    expected: (a, c) => onPing(a, c, 200),
  },
  {
    name: 'answer',
    method: 'PUT',
    mutates: true,
    request: (f) => ({ url: `/api/pings/${f.ping}/answer`, payload: { choice: 1 } }),
    expected: (a, c) => onPing(a, c, a === 'member' && !c.archived ? 200 : 403),
  },
  {
    name: 'close early',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/pings/${f.ping}/close` }),
    expected: (a, c) => onPing(a, c, leads(a) && !c.archived ? 200 : 403),
  },
  {
    name: 'extend',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/pings/${f.ping}/extend`,
      payload: { closesAt: new Date(f.opensAt.getTime() + 72 * 3_600_000).toISOString() },
    }),
    expected: (a, c) => onPing(a, c, leads(a) && !c.archived ? 200 : 403),
  },
  {
    name: 'discuss the results',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/pings/${f.ping}/thread` }),
    // Whoever sees the Ping is a member or leads: they start the thread, unless read-only.
    expected: (a, c) => onPing(a, c, c.archived || a === 'communitySuspended' ? 403 : 200),
  },
  {
    name: 'results',
    method: 'GET',
    request: (f) => ({ url: `/api/pings/${f.ping}/results` }),
    expected: (a, c) => onPing(a, c, 200),
  },
  {
    name: 'CSV export',
    method: 'GET',
    request: (f) => ({ url: `/api/pings/${f.ping}/csv` }),
    expected: (a, c) => onPing(a, c, leads(a) ? 200 : 403),
  },
  {
    name: 'what an answer link would do',
    method: 'GET',
    request: (f) => ({ url: `/api/pings/answer-links/${f.token}` }),
    expected: (_a, c) => (c.archived ? 403 : 200),
  },
  {
    name: 'answer by link',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/pings/answer-links/${f.token}` }),
    expected: (_a, c) => (c.archived ? 403 : 200),
  },
];

async function buildFixture(context: Context): Promise<Fixture> {
  const { people } = world;
  const db = world.t.app.deps.database.db;
  const community = await createMatrixCommunity(world, context);
  const opensAt = new Date();
  const [ping] = await db
    .insert(pings)
    .values({
      communityId: community.id,
      authorId: people.leader.id,
      question: 'Which evening?',
      kind: 'choice',
      choices: ['Monday', 'Wednesday'],
      audience: 'role',
      audienceRole: 'member',
      resultsVisibility: 'live',
      opensAt,
      closesAt: new Date(opensAt.getTime() + 48 * 3_600_000),
      recipientCount: 2,
    })
    .returning({ id: pings.id });
  const pingId = ping?.id ?? '';
  await db.insert(pingRecipients).values([
    { pingId, userId: people.member.id },
    { pingId, userId: people.communitySuspended.id },
  ]);
  const token = newToken();
  await db
    .insert(pingAnswerLinks)
    .values({ tokenHash: hashToken(token), pingId, userId: people.member.id, choice: 0 });
  return { slug: community.slug, ping: pingId, opensAt, token };
}

describe.each(contexts)('Pings in a $visibility community (archived: $archived)', (context) => {
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
