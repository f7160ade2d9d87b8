import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threads } from '../../db/schema/index.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;

describe('search', () => {
  it('finds communities, threads, replies, resources and people, marked, and never what the searcher may not read', async () => {
    const word = `zq${Date.now().toString(36)}`;
    const leader = await signedInUser(t.app, { displayName: `Ada ${word}` });
    const member = await createUser(db());
    const open = await createTestCommunity(db(), [leader.user.id], {
      visibility: 'public',
      purpose: `Sharing ${word} practice with colleagues.`,
      members: [[member.id, 'member']],
    });
    const closed = await createTestCommunity(db(), [leader.user.id], { visibility: 'private' });
    const cookie = await signInAs(t.app, member.email);
    const threadId = (
      await call('POST', `/api/communities/${open.slug}/threads`, cookie, {
        title: `Trying ${word} in seminars`,
        body: `We used **${word}** with [first years](https://example.org/years).`,
      })
    ).json().data.id;
    const resourceId = (
      await call('POST', `/api/communities/${open.slug}/resources`, cookie, {
        kind: 'template',
        title: `A ${word} lesson plan`,
        description: 'For a first seminar.',
        url: 'https://example.org/plan',
      })
    ).json().data.id;
    await call('POST', `/api/communities/${closed.slug}/resources`, leader.cookie, {
      kind: 'link',
      title: `Secret ${word} resource`,
      url: 'https://example.org/secret',
    });
    await call('POST', `/api/threads/${threadId}/replies`, leader.cookie, {
      body: `More about ${word} rubrics.`,
    });
    await call('POST', `/api/communities/${closed.slug}/threads`, leader.cookie, {
      title: `Secret ${word} plans`,
      body: 'Only for us.',
    });
    const gone = (
      await call('POST', `/api/communities/${open.slug}/threads`, cookie, {
        title: `Deleted ${word}`,
        body: 'x',
      })
    ).json().data.id;
    await db().update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, gone));

    const outsider = await signedInUser(t.app);
    const found = (await call('GET', `/api/search?q=${word}`, outsider.cookie)).json();
    const kinds = found.data.map((r: { kind: string; title: string }) => [r.kind, r.title]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['community', open.name],
        ['thread', `Trying ${word} in seminars`],
        ['reply', `Trying ${word} in seminars`],
        ['resource', `A ${word} lesson plan`],
        ['person', `Ada ${word}`],
      ]),
    );
    expect(kinds).toHaveLength(5);
    expect(found.counts).toEqual({ community: 1, thread: 1, reply: 1, resource: 1, person: 1 });
    const thread = found.data.find((r: { kind: string }) => r.kind === 'thread');
    expect(thread).toMatchObject({ url: `/discussions/${threadId}`, community: { slug: open.slug } });
    // The snippet is plain text with the matched word marked, not the post's Markdown.
    expect(thread.snippet).toContain(`used <mark>${word}</mark> with first years.`);
    expect(thread.snippet).not.toMatch(/\*|\]\(/);
    const resource = found.data.find((r: { kind: string }) => r.kind === 'resource');
    expect(resource).toMatchObject({ url: `/resources/${resourceId}`, community: { slug: open.slug } });

    const asLeader = (await call('GET', `/api/search?q=${word}&kind=thread`, leader.cookie)).json();
    expect(asLeader.data.map((r: { title: string }) => r.title).sort()).toEqual(
      [`Secret ${word} plans`, `Trying ${word} in seminars`].sort(),
    );
    const anonymous = (await call('GET', `/api/search?q=${word}`)).json();
    expect(anonymous.data.map((r: { kind: string }) => r.kind).sort()).toEqual([
      'community',
      'reply',
      'resource',
      'thread',
    ]);
    const leaderResources = (await call('GET', `/api/search?q=${word}&kind=resource`, leader.cookie)).json();
    expect(leaderResources.data.map((r: { title: string }) => r.title).sort()).toEqual(
      [`A ${word} lesson plan`, `Secret ${word} resource`].sort(),
    );
    const inCommunity = (
      await call('GET', `/api/search?q=${word}&community=${closed.slug}`, leader.cookie)
    ).json();
    expect(inCommunity.data.map((r: { title: string }) => r.title).sort()).toEqual(
      [`Secret ${word} plans`, `Secret ${word} resource`].sort(),
    );
  });

  it('takes websearch syntax, escapes what it shows and refuses an empty query', async () => {
    const word = `qx${Date.now().toString(36)}`;
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id], { visibility: 'public' });
    for (const [title, body] of [
      [`Peer ${word} feedback`, `${word} works when 5 < 6 & <script>alert(1)</script> in practice`],
      [`Peer ${word} marking`, `Marking ${word} only`],
    ]) {
      await call('POST', `/api/communities/${community.slug}/threads`, leader.cookie, { title, body });
    }
    const without = (
      await call('GET', `/api/search?q=${encodeURIComponent(`${word} -marking`)}&kind=thread`)
    ).json();
    expect(without.data.map((r: { title: string }) => r.title)).toEqual([`Peer ${word} feedback`]);
    expect(without.data[0].snippet).toContain('5 &lt; 6 &amp;');
    expect(without.data[0].snippet).not.toContain('<script>');
    const phrase = (
      await call('GET', `/api/search?q=${encodeURIComponent(`"marking ${word}"`)}&kind=thread`)
    ).json();
    expect(phrase.data.map((r: { title: string }) => r.title)).toEqual([`Peer ${word} marking`]);
    const empty = await call('GET', '/api/search?q=%20%20');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields).toHaveProperty('q');
  });
});
