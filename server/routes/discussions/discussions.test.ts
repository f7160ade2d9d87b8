import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communities, notifications, posts, threads } from '../../db/schema/index.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;

/** A community with a signed-in leader, two members and a sponsor. */
async function setting() {
  const leader = await signedInUser(t.app);
  const [a, b, sponsor] = await Promise.all([createUser(db()), createUser(db()), createUser(db())]);
  if (!a || !b || !sponsor) throw new Error('no people');
  const community = await createTestCommunity(db(), [leader.user.id], {
    members: [
      [a.id, 'member'],
      [b.id, 'member'],
      [sponsor.id, 'sponsor'],
    ],
  });
  const signed = async (user: typeof a) => ({ user, cookie: await signInAs(t.app, user.email) });
  return { leader, community, a: await signed(a), b: await signed(b), sponsor: await signed(sponsor) };
}

async function notificationsOf(userId: string, kind: string) {
  const rows = await db()
    .select({ title: notifications.title })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
  return rows.map((row) => row.title);
}

describe('threads and replies', () => {
  it('lets members start threads and reply, nests one level, tells followers, and keeps counts', async () => {
    const { community, a, b } = await setting();
    const started = await call('POST', `/api/communities/${community.slug}/threads`, a.cookie, {
      kind: 'question',
      title: 'How do you run peer feedback?',
      body: 'We tried **rubrics**.',
    });
    expect(started.statusCode).toBe(201);
    const threadId = started.json().data.id;
    const first = await call('POST', `/api/threads/${threadId}/replies`, b.cookie, {
      body: 'Pairs work well.',
    });
    expect(first.statusCode).toBe(201);
    expect(await notificationsOf(a.user.id, 'discussion.reply')).toEqual([
      `${b.user.displayName} replied in “How do you run peer feedback?”`,
    ]);
    const nested = await call('POST', `/api/threads/${threadId}/replies`, a.cookie, {
      body: '> Pairs work well.\n\nHow big are the pairs?',
      parentId: first.json().data.id,
    });
    const deeper = await call('POST', `/api/threads/${threadId}/replies`, b.cookie, {
      body: 'Two or three.',
      parentId: nested.json().data.id,
    });
    expect(deeper.statusCode).toBe(201);
    // b follows since replying: told of a's reply.
    expect(await notificationsOf(b.user.id, 'discussion.reply')).toHaveLength(1);

    const page = (await call('GET', `/api/threads/${threadId}?limit=2`, a.cookie)).json().data;
    expect(page).toMatchObject({ kind: 'question', replyCount: 3, following: true });
    expect(page.bodyHtml).toContain('<strong>rubrics</strong>');
    expect(page.replies.map((r: { parentId: string | null }) => r.parentId)).toEqual([
      null,
      first.json().data.id,
    ]);
    const rest = (
      await call('GET', `/api/threads/${threadId}?limit=2&cursor=${page.nextCursor}`, a.cookie)
    ).json();
    expect(rest.data.replies).toHaveLength(1);
    // A reply to a nested reply goes under its parent: one level only.
    expect(rest.data.replies[0].parentId).toBe(first.json().data.id);
    expect(rest.data.nextCursor).toBeNull();
  });

  it('lists pinned threads first, then by activity, with unread markers and pages', async () => {
    const { leader, community, a } = await setting();
    const ids: string[] = [];
    for (const title of ['Oldest thread', 'Middle thread', 'Newest thread']) {
      const response = await call('POST', `/api/communities/${community.slug}/threads`, leader.cookie, {
        title,
        body: 'Text.',
      });
      ids.push(response.json().data.id);
    }
    await call('PUT', `/api/threads/${ids[0]}/moderation`, leader.cookie, { pinned: true });
    await call('GET', `/api/threads/${ids[2]}`, a.cookie);
    const list = (await call('GET', `/api/communities/${community.slug}/threads?limit=1`, a.cookie)).json();
    expect(list.data.map((th: { title: string; unread: boolean }) => [th.title, th.unread])).toEqual([
      ['Oldest thread', true],
      ['Newest thread', false],
    ]);
    const next = (
      await call(
        'GET',
        `/api/communities/${community.slug}/threads?limit=1&cursor=${list.nextCursor}`,
        a.cookie,
      )
    ).json();
    expect(next.data.map((th: { title: string }) => th.title)).toEqual(['Middle thread']);
  });

  it('tells every member of an announcement; only leaders and sponsors post them', async () => {
    const { community, a, b, sponsor } = await setting();
    const byMember = await call('POST', `/api/communities/${community.slug}/threads`, a.cookie, {
      kind: 'announcement',
      title: 'Not allowed',
      body: 'x',
    });
    expect(byMember.statusCode).toBe(403);
    const bySponsor = await call('POST', `/api/communities/${community.slug}/threads`, sponsor.cookie, {
      kind: 'announcement',
      title: 'Funding for next term',
      body: 'Good news.',
    });
    expect(bySponsor.statusCode).toBe(201);
    for (const person of [a, b]) {
      expect(await notificationsOf(person.user.id, 'community.announcement')).toEqual([
        `${community.name}: Funding for next term`,
      ]);
    }
    expect(await notificationsOf(sponsor.user.id, 'community.announcement')).toEqual([]);
  });
});

describe('mentions', () => {
  it('tells the members mentioned and refuses mentions of anyone else, writing nothing', async () => {
    const { community, a, b } = await setting();
    const stranger = await createUser(db());
    const threadId = (
      await call('POST', `/api/communities/${community.slug}/threads`, a.cookie, {
        title: 'Slides for Friday',
        body: 'Could you look, @someone?',
        mentions: [b.user.id],
      })
    ).json().data.id;
    expect(await notificationsOf(b.user.id, 'discussion.mention')).toEqual([
      `${a.user.displayName} mentioned you in “Slides for Friday”`,
    ]);
    const refused = await call('POST', `/api/threads/${threadId}/replies`, b.cookie, {
      body: 'Asking @stranger too',
      mentions: [a.user.id, stranger.id],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual({ 'mentions.1': 'Not a member of this community.' });
    const [replies] = await db().select({ n: count() }).from(posts).where(eq(posts.threadId, threadId));
    expect(replies?.n).toBe(0);
    expect(await notificationsOf(stranger.id, 'discussion.mention')).toEqual([]);

    // The thread's author follows it: mentioned in a reply, they get the mention, not also the reply.
    const replied = await call('POST', `/api/threads/${threadId}/replies`, b.cookie, {
      body: 'Looks good, @a',
      mentions: [a.user.id],
    });
    expect(replied.statusCode).toBe(201);
    expect(await notificationsOf(a.user.id, 'discussion.mention')).toEqual([
      `${b.user.displayName} mentioned you in “Slides for Friday”`,
    ]);
    expect(await notificationsOf(a.user.id, 'discussion.reply')).toEqual([]);
  });
});

describe('moderation, editing and reactions', () => {
  it('locks threads against members, keeps edit history, deletes softly and marks the helpful answer', async () => {
    const { leader, community, a, b } = await setting();
    const threadId = (
      await call('POST', `/api/communities/${community.slug}/threads`, a.cookie, {
        kind: 'question',
        title: 'Which tool for polls?',
        body: 'First version.',
      })
    ).json().data.id;
    const replyId = (
      await call('POST', `/api/threads/${threadId}/replies`, b.cookie, { body: 'Try Mentimeter.' })
    ).json().data.id;

    expect((await call('PATCH', `/api/threads/${threadId}`, b.cookie, { body: 'Hijack' })).statusCode).toBe(
      403,
    );
    expect(
      (await call('PATCH', `/api/threads/${threadId}`, a.cookie, { body: 'Second version.' })).statusCode,
    ).toBe(200);
    const history = (await call('GET', `/api/threads/${threadId}/revisions`, a.cookie)).json().data;
    expect(history.map((r: { body: string }) => r.body)).toEqual(['First version.']);

    expect(
      (await call('PUT', `/api/threads/${threadId}/helpful`, b.cookie, { postId: replyId })).statusCode,
    ).toBe(403);
    expect(
      (await call('PUT', `/api/threads/${threadId}/helpful`, a.cookie, { postId: replyId })).statusCode,
    ).toBe(200);
    const marked = (await call('GET', `/api/threads/${threadId}`, b.cookie)).json().data;
    expect(marked).toMatchObject({ answered: true, helpfulPostId: replyId });
    expect(marked.replies[0].helpful).toBe(true);

    expect(
      (await call('PUT', `/api/threads/${threadId}/moderation`, a.cookie, { locked: true })).statusCode,
    ).toBe(403);
    await call('PUT', `/api/threads/${threadId}/moderation`, leader.cookie, { locked: true });
    const locked = await call('POST', `/api/threads/${threadId}/replies`, b.cookie, { body: 'More' });
    expect(locked.statusCode).toBe(403);
    expect(locked.json().message).toMatch(/locked/);
    expect(
      (await call('POST', `/api/threads/${threadId}/replies`, leader.cookie, { body: 'Closing.' }))
        .statusCode,
    ).toBe(201);

    expect((await call('DELETE', `/api/threads/${threadId}/replies/${replyId}`, b.cookie)).statusCode).toBe(
      200,
    );
    const afterDelete = (await call('GET', `/api/threads/${threadId}`, a.cookie)).json().data;
    expect(afterDelete.replies[0]).toMatchObject({ deleted: true, body: '', author: null });
    expect(afterDelete).toMatchObject({ answered: false, replyCount: 1 });
    const toDeleted = await call('POST', `/api/threads/${threadId}/replies`, leader.cookie, {
      body: 'Answering a deleted reply',
      parentId: replyId,
    });
    expect(toDeleted.statusCode).toBe(409);
  });

  it('counts reactions once per person and emoji', async () => {
    const { community, a, b } = await setting();
    const threadId = (
      await call('POST', `/api/communities/${community.slug}/threads`, a.cookie, {
        title: 'Reactions',
        body: 'x',
      })
    ).json().data.id;
    expect(
      (await call('POST', `/api/threads/${threadId}/reactions`, b.cookie, { emoji: '👍' })).statusCode,
    ).toBe(201);
    const twice = await call('POST', `/api/threads/${threadId}/reactions`, b.cookie, { emoji: '👍' });
    expect(twice.statusCode).toBe(409);
    await call('POST', `/api/threads/${threadId}/reactions`, a.cookie, { emoji: '👍' });
    const seen = (await call('GET', `/api/threads/${threadId}`, b.cookie)).json().data;
    expect(seen.reactions).toEqual([{ emoji: '👍', count: 2, mine: true }]);
    await call('DELETE', `/api/threads/${threadId}/reactions`, b.cookie, { emoji: '👍' });
    const after = (await call('GET', `/api/threads/${threadId}`, b.cookie)).json().data;
    expect(after.reactions).toEqual([{ emoji: '👍', count: 1, mine: false }]);
  });
});

describe('bad input and read-only communities', () => {
  it('refuses empty and 1 MB bodies, unknown reactions and strangers, writing nothing', async () => {
    const { community, a } = await setting();
    const stranger = await signedInUser(t.app);
    const path = `/api/communities/${community.slug}/threads`;
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'Empty', body: '   ' }, 'body'],
      [{ title: 'Huge', body: 'x'.repeat(1_000_000) }, 'body'],
      [{ title: '', body: 'Hello' }, 'title'],
      [{ title: 'Kind', body: 'Hello', kind: 'poll' }, 'kind'],
    ];
    for (const [payload, field] of cases) {
      const response = await call('POST', path, a.cookie, payload);
      expect(response.statusCode, field).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, field).toBeLessThan(500);
      if (response.statusCode === 400) expect(Object.keys(response.json().fields ?? {})).toContain(field);
    }
    expect((await call('POST', path, stranger.cookie, { title: 'Outsider', body: 'Hi' })).statusCode).toBe(
      403,
    );
    const [row] = await db()
      .select({ n: count() })
      .from(threads)
      .where(eq(threads.communityId, community.id));
    expect(row?.n).toBe(0);
    const threadId = (await call('POST', path, a.cookie, { title: 'Fine', body: 'ok' })).json().data.id;
    const badEmoji = await call('POST', `/api/threads/${threadId}/reactions`, a.cookie, { emoji: '💩' });
    expect(badEmoji.statusCode).toBe(400);
    const [replies] = await db().select({ n: count() }).from(posts).where(eq(posts.threadId, threadId));
    expect(replies?.n).toBe(0);
  });

  it('keeps archived communities read-only', async () => {
    const { leader, community, a } = await setting();
    const threadId = (
      await call('POST', `/api/communities/${community.slug}/threads`, a.cookie, {
        title: 'Before',
        body: 'x',
      })
    ).json().data.id;
    await db().update(communities).set({ stage: 'archived' }).where(eq(communities.id, community.id));
    expect((await call('GET', `/api/threads/${threadId}`, a.cookie)).statusCode).toBe(200);
    for (const [method, url, body] of [
      ['POST', `/api/communities/${community.slug}/threads`, { title: 'After', body: 'x' }],
      ['POST', `/api/threads/${threadId}/replies`, { body: 'x' }],
      ['PATCH', `/api/threads/${threadId}`, { body: 'y' }],
    ] as const) {
      const response = await call(method, url, leader.cookie, body);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().message).toMatch(/archived/);
    }
  });
});
