import { beforeAll, describe, expect, it } from 'vitest';
import { communityMembers, communitySuspensions, posts, threads } from '../../db/schema/index.ts';
import { createUser } from '../../test/factories.ts';
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
 * The permission matrix of the discussion endpoints (issue #5): every endpoint × 14 kinds of actor ×
 * public / institution / private × active / archived. Expected statuses come from the rules:
 * members post and reply, leaders and sponsors announce, authors and leaders change posts, leaders pin
 * and lock, the asker or a leader marks the helpful answer; whoever reads a thread follows it; archived
 * communities are read-only, and a member suspended from the community reads but writes nothing there.
 */

interface Fixture {
  slug: string;
  /** A question by the member, with one reply by the co-leader. */
  thread: string;
  reply: string;
  /** A reply by the member suspended from the community (written before the suspension). */
  suspendedsReply: string;
  /** A suspension in force, of a member of its own (the matrix's member stays active). */
  suspension: string;
}

const read = (actor: ActorName, context: Context) => (canSee(actor, context) ? 200 : 404);
/** Moderators' pages: 401 signed out, 404 unseen, leaders and coordinators only (archived too). */
function moderatorsRead(actor: ActorName, context: Context): number {
  if (!signedIn(actor)) return 401;
  if (!canSee(actor, context)) return 404;
  return leads(actor) ? 200 : 403;
}
const takesPart = (actor: ActorName) => isMember(actor) || isStaff(actor);
/** Following a thread: whoever reads it and is signed in (archived too: it writes no content), unless suspended. */
function follows(actor: ActorName, context: Context): number {
  if (!signedIn(actor)) return 401;
  if (!canSee(actor, context)) return 404;
  return actor === 'communitySuspended' ? 403 : 200;
}

const endpoints: Endpoint<Fixture>[] = [
  {
    name: 'thread list',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/threads` }),
    expected: read,
  },
  { name: 'thread', method: 'GET', request: (f) => ({ url: `/api/threads/${f.thread}` }), expected: read },
  {
    name: 'history',
    method: 'GET',
    request: (f) => ({ url: `/api/threads/${f.thread}/revisions` }),
    expected: read,
  },
  {
    name: 'start a discussion',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/threads`,
      payload: { title: 'New topic', body: 'Hello' },
    }),
    expected: (a, c) => write(a, c, takesPart(a), 201),
  },
  {
    name: 'announce',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/threads`,
      payload: { kind: 'announcement', title: 'News', body: 'Hello' },
    }),
    expected: (a, c) => write(a, c, leads(a), 201),
  },
  {
    name: 'reply',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/threads/${f.thread}/replies`, payload: { body: 'Me too' } }),
    expected: (a, c) => write(a, c, takesPart(a), 201),
  },
  {
    name: 'edit the opening post',
    method: 'PATCH',
    mutates: true,
    request: (f) => ({ url: `/api/threads/${f.thread}`, payload: { body: 'Edited' } }),
    expected: (a, c) => write(a, c, leads(a) || a === 'member'),
  },
  {
    name: 'delete a reply',
    method: 'DELETE',
    mutates: true,
    request: (f) => ({ url: `/api/threads/${f.thread}/replies/${f.reply}` }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'pin and lock',
    method: 'PUT',
    mutates: true,
    request: (f) => ({ url: `/api/threads/${f.thread}/moderation`, payload: { pinned: true, locked: true } }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'mark the helpful answer',
    method: 'PUT',
    mutates: true,
    request: (f) => ({ url: `/api/threads/${f.thread}/helpful`, payload: { postId: f.reply } }),
    expected: (a, c) => write(a, c, leads(a) || a === 'member'),
  },
  {
    name: 'report',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/threads/${f.thread}/reports`,
      payload: { postId: f.reply, reason: 'Rude.' },
    }),
    expected: (a, c) => write(a, c, takesPart(a), 201),
  },
  {
    name: 'hide',
    method: 'PUT',
    mutates: true,
    request: (f) => ({ url: `/api/threads/${f.thread}/hidden`, payload: { postId: f.reply, hidden: true } }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'moderation queue',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/reports` }),
    expected: moderatorsRead,
  },
  {
    name: 'moderation log',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/moderation-log` }),
    expected: moderatorsRead,
  },
  {
    name: 'suspend a member',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/suspensions`,
      payload: { userId: world.people.member.id, reason: 'Repeated insults.' },
    }),
    expected: (a, c) => write(a, c, leads(a), 201),
  },
  {
    name: 'suspend a leader',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/suspensions`,
      payload: { userId: world.people.coLeader.id, reason: 'Repeated insults.' },
    }),
    expected: (a, c) => write(a, c, isStaff(a), 201),
  },
  {
    name: 'suspensions in force',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/suspensions` }),
    expected: moderatorsRead,
  },
  {
    name: 'lift a suspension',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/suspensions/${f.suspension}/lift` }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'react',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/threads/${f.thread}/reactions`, payload: { emoji: '👍' } }),
    expected: (a, c) => write(a, c, takesPart(a), 201),
  },
  {
    // Taking back one's own reaction (none here: nothing changes, but the answer says who may).
    name: 'take back a reaction',
    method: 'DELETE',
    request: (f) => ({ url: `/api/threads/${f.thread}/reactions`, payload: { emoji: '👍' } }),
    expected: (a, c) => write(a, c, true),
  },
  {
    name: 'follow',
    method: 'PUT',
    mutates: true,
    request: (f) => ({ url: `/api/threads/${f.thread}/following`, payload: { following: true } }),
    expected: follows,
  },
  {
    name: 'stop following',
    method: 'PUT',
    mutates: true,
    request: (f) => ({ url: `/api/threads/${f.thread}/following`, payload: { following: false } }),
    expected: follows,
  },
  {
    name: "edit the suspended member's own reply",
    method: 'PATCH',
    mutates: true,
    request: (f) => ({
      url: `/api/threads/${f.thread}/replies/${f.suspendedsReply}`,
      payload: { body: 'Edited' },
    }),
    expected: (a, c) => write(a, c, leads(a)),
  },
];

const world = openMatrixWorld();

async function buildFixture(context: Context): Promise<Fixture> {
  const { people } = world;
  const db = world.t.app.deps.database.db;
  const community = await createMatrixCommunity(world, context);
  const [thread] = await db
    .insert(threads)
    .values({
      communityId: community.id,
      authorId: people.member.id,
      kind: 'question',
      title: 'Q',
      body: 'Why?',
      replyCount: 2,
    })
    .returning({ id: threads.id });
  const [reply, suspendedsReply] = await db
    .insert(posts)
    .values([
      { threadId: thread?.id ?? '', authorId: people.coLeader.id, body: 'Because.' },
      { threadId: thread?.id ?? '', authorId: people.communitySuspended.id, body: 'Nonsense.' },
    ])
    .returning({ id: posts.id });
  const suspended = await createUser(db);
  await db
    .insert(communityMembers)
    .values({ communityId: community.id, userId: suspended.id, role: 'member' });
  const [suspension] = await db
    .insert(communitySuspensions)
    .values({
      communityId: community.id,
      userId: suspended.id,
      reason: 'Spam.',
      suspendedBy: people.leader.id,
    })
    .returning({ id: communitySuspensions.id });
  return {
    slug: community.slug,
    thread: thread?.id ?? '',
    reply: reply?.id ?? '',
    suspendedsReply: suspendedsReply?.id ?? '',
    suspension: suspension?.id ?? '',
  };
}

describe.each(contexts)('discussions of a $visibility community (archived: $archived)', (context) => {
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
