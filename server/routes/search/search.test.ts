import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threads } from '../../db/schema/index.ts';
import { rowsOf } from '../../queries/raw-rows.ts';
import { searchEverything } from '../../queries/search.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUnit, createUser, signedInUser, signInAs } from '../../test/factories.ts';

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

describe('search paging', () => {
  type Result = {
    kind: string;
    id: string;
    title: string;
    rank: number;
    snippet: string;
    community: { slug: string } | null;
    person: { displayName: string; matchedExpertise: string[]; unit: { name: string } | null } | null;
  };
  type Page = { data: Result[]; nextCursor: string | null; counts: Record<string, number> };

  /** Every page of a search, following nextCursor. */
  async function allPages(path: string, cookie?: string) {
    const pages: Page[] = [];
    let cursor: string | null = null;
    do {
      const url: string = cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path;
      const response = await call('GET', url, cookie);
      expect(response.statusCode, response.body).toBe(200);
      const page: Page = response.json();
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 20);
    return pages;
  }

  it('pages through more than 20 matches of every kind, best first, never showing what the searcher may not read', async () => {
    const word = `pg${Date.now().toString(36)}`;
    const leader = await signedInUser(t.app);
    const open = await createTestCommunity(db(), [leader.user.id], {
      visibility: 'public',
      purpose: `Open ${word} practice.`,
    });
    const closed = await createTestCommunity(db(), [leader.user.id], {
      visibility: 'private',
      purpose: `Closed ${word} practice.`,
    });
    const post = async (path: string, body: object) => {
      const response = await call('POST', path, leader.cookie, body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json().data.id as string;
    };
    const openThreads: string[] = [];
    for (let i = 0; i < 9; i++)
      openThreads.push(
        await post(`/api/communities/${open.slug}/threads`, {
          title: `Open ${word} thread ${i}`,
          // Different lengths give different ranks, and some tie.
          body: `${`${word} `.repeat(1 + (i % 3))}in practice.`,
        }),
      );
    for (let i = 0; i < 6; i++)
      await post(`/api/threads/${openThreads[0]}/replies`, { body: `Reply ${i} about ${word}.` });
    for (let i = 0; i < 4; i++)
      await post(`/api/communities/${open.slug}/resources`, {
        kind: 'link',
        title: `Open ${word} resource ${i}`,
        url: `https://example.org/open-${i}`,
      });
    const secret: string[] = [];
    for (let i = 0; i < 8; i++)
      secret.push(
        await post(`/api/communities/${closed.slug}/threads`, {
          title: `Closed ${word} ${i}`,
          body: 'Ours.',
        }),
      );
    for (let i = 0; i < 2; i++)
      secret.push(
        await post(`/api/communities/${closed.slug}/resources`, {
          kind: 'link',
          title: `Closed ${word} resource ${i}`,
          url: `https://example.org/closed-${i}`,
        }),
      );
    const people = [];
    for (let i = 0; i < 4; i++)
      people.push(
        await createUser(db(), { displayName: `Colleague ${i}`, expertise: [`${word} methods`, 'rubrics'] }),
      );
    await createUser(db(), { displayName: 'Suspended colleague', expertise: [word], suspended: true });

    // A signed-in outsider: 1 community, 9 threads, 6 replies, 4 resources, 4 people = 24.
    const outsider = await signedInUser(t.app);
    const pages = await allPages(`/api/search?q=${word}`, outsider.cookie);
    expect(pages.map((page) => page.data.length)).toEqual([20, 4]);
    const seen = pages.flatMap((page) => page.data);
    expect(new Set(seen.map((r) => r.id)).size).toBe(24);
    expect(seen.filter((r) => secret.includes(r.id) || r.community?.slug === closed.slug)).toEqual([]);
    expect(pages[0]?.counts).toEqual({ community: 1, thread: 9, reply: 6, resource: 4, person: 4 });
    // Best first across pages.
    const ranks = seen.map((r) => r.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));

    // The leader also reads the private community: 1 + 8 threads + 2 resources more = 35, in pages of 10.
    const leaderPages = await allPages(`/api/search?q=${word}&limit=10`, leader.cookie);
    expect(leaderPages.map((page) => page.data.length)).toEqual([10, 10, 10, 5]);
    expect(new Set(leaderPages.flatMap((page) => page.data.map((r) => r.id))).size).toBe(35);
    const total = Object.values(leaderPages[0]?.counts ?? {}).reduce((sum, n) => sum + n, 0);
    expect(total).toBe(35);

    // One kind pages on its own, and its count is what the pages hold.
    const threadPages = await allPages(`/api/search?q=${word}&kind=thread&limit=4`, leader.cookie);
    const threadIds = threadPages.flatMap((page) => page.data.map((r) => r.id));
    expect(threadPages.every((page) => page.data.every((r) => r.kind === 'thread'))).toBe(true);
    expect(new Set(threadIds).size).toBe(17);
    expect(threadPages[0]?.counts.thread).toBe(17);
    const outsiderThreads = await allPages(`/api/search?q=${word}&kind=thread&limit=4`, outsider.cookie);
    expect(outsiderThreads.flatMap((page) => page.data.map((r) => r.id)).sort()).toEqual(
      [...openThreads].sort(),
    );

    // Anonymous: no people, 20 results exactly, so no next page.
    const anonymous = await allPages(`/api/search?q=${word}`);
    expect(anonymous.map((page) => page.data.length)).toEqual([20]);
    expect(anonymous[0]?.nextCursor).toBeNull();
    expect(anonymous[0]?.counts.person).toBe(0);
  });

  it('shows a person as a card with the expertise the words matched, not their search text', async () => {
    const word = `pc${Date.now().toString(36)}`;
    const unit = await createUnit(db(), 'Department of Philosophy');
    await createUser(db(), {
      displayName: 'Sara Moreira',
      expertise: [`${word} feedback`, 'seminars'],
      unitId: unit.id,
    });
    const searcher = await signedInUser(t.app);
    const found = (await call('GET', `/api/search?q=${word}&kind=person`, searcher.cookie)).json();
    expect(found.data).toHaveLength(1);
    expect(found.data[0]).toMatchObject({
      kind: 'person',
      title: 'Sara Moreira',
      snippet: '',
      person: {
        displayName: 'Sara Moreira',
        unit: { name: 'Department of Philosophy' },
        expertise: [`${word} feedback`, 'seminars'],
        matchedExpertise: [`${word} feedback`],
      },
    });
    const thread = (await call('GET', `/api/search?q=${word}&kind=thread`, searcher.cookie)).json();
    expect(thread.data).toEqual([]);
  });

  it('refuses a cursor it did not make, naming the cursor', async () => {
    const searcher = await signedInUser(t.app);
    const forged = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');
    for (const cursor of [
      'not-a-cursor',
      forged(['0.1', 'thread']),
      forged(['0.1; drop table users', 'thread', '00000000-0000-4000-8000-000000000000']),
      forged(['0.1', 'secret', '00000000-0000-4000-8000-000000000000']),
      forged(['0.1', 'thread', 'nope']),
      forged([0.1, 'thread', '00000000-0000-4000-8000-000000000000']),
    ]) {
      const response = await call('GET', `/api/search?q=anything&cursor=${cursor}`, searcher.cookie);
      expect(response.statusCode, cursor).toBe(400);
      expect(response.json().fields).toHaveProperty('cursor');
    }
  });
});

describe('search sorts, languages and counts', () => {
  type Result = { kind: string; id: string; title: string; rank: number; snippet: string };
  type Page = {
    data: Result[];
    nextCursor: string | null;
    counts: Record<string, number>;
    countsCapped: Record<string, boolean>;
  };

  /** A thread in a public community led by `leader`, for replies made in SQL (hundreds, fast). */
  async function publicThread(leader: { user: { id: string }; cookie: string }) {
    const community = await createTestCommunity(db(), [leader.user.id], { visibility: 'public' });
    const response = await call('POST', `/api/communities/${community.slug}/threads`, leader.cookie, {
      title: 'Replies',
      body: 'Opening post.',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data.id as string;
  }

  it('ranks over every match: an old post that matches best comes first under best match, last under newest', async () => {
    const word = `rk${Date.now().toString(36)}`;
    const leader = await signedInUser(t.app);
    const threadId = await publicThread(leader);
    // 250 newer replies with the word once (more than any candidate cap the search ever had: 200),
    // and one from three years ago with it four times.
    await db().execute(sql`insert into posts (thread_id, author_id, body, created_at)
      select ${threadId}::uuid, ${leader.user.id}::uuid, 'A reply about ' || ${word} || ' number ' || n,
        now() - make_interval(mins => n)
      from generate_series(1, 250) n`);
    const old = await db().execute(sql`insert into posts (thread_id, author_id, body, created_at)
      values (${threadId}::uuid, ${leader.user.id}::uuid,
        ${`${word} in depth: why ${word} works, where ${word} fails and how to start ${word}.`},
        now() - interval '3 years') returning id`);
    const oldId = rowsOf<{ id: string }>(old)[0]?.id;
    expect(oldId).toBeDefined();

    const best: Page = (await call('GET', `/api/search?q=${word}&kind=reply`)).json();
    expect(best.data[0]?.id).toBe(oldId);
    expect(best.counts.reply).toBe(251);
    expect(best.countsCapped.reply).toBe(false);

    // Newest first pages through all 251, newest to oldest, and the old post is the last.
    const seen: Result[] = [];
    let cursor: string | null = null;
    do {
      const response = await call(
        'GET',
        `/api/search?q=${word}&kind=reply&sort=newest&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const page: Page = response.json();
      seen.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor && seen.length < 400);
    expect(seen).toHaveLength(251);
    expect(new Set(seen.map((r) => r.id)).size).toBe(251);
    expect(seen.at(-1)?.id).toBe(oldId);
    const byTime = await db().execute(
      sql`select id::text as id from posts where thread_id = ${threadId}::uuid order by created_at desc`,
    );
    expect(seen.map((r) => r.id)).toEqual(rowsOf<{ id: string }>(byTime).map((row) => row.id));
    expect(seen[0]?.snippet).toContain(`<mark>${word}</mark>`);

    // Best match pages through all of them too, best first.
    const ranked: Result[] = [];
    cursor = null;
    do {
      const page: Page = (
        await call(
          'GET',
          `/api/search?q=${word}&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )
      ).json();
      ranked.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor && ranked.length < 400);
    expect(ranked.filter((r) => r.kind === 'reply')).toHaveLength(251);
    expect(ranked.map((r) => r.rank)).toEqual(ranked.map((r) => r.rank).sort((a, b) => b - a));

    // A cursor of one sort is refused by the other, naming the cursor; an unknown sort names the sort.
    const first: Page = (await call('GET', `/api/search?q=${word}&sort=newest&limit=5`)).json();
    const mixed = await call(
      'GET',
      `/api/search?q=${word}&sort=relevance&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
    );
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().fields).toHaveProperty('cursor');
    const badSort = await call('GET', `/api/search?q=${word}&sort=oldest`);
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().fields).toHaveProperty('sort');
  });

  it('counts up to 1,000 and says when there are more', async () => {
    const word = `ct${Date.now().toString(36)}`;
    const leader = await signedInUser(t.app);
    const threadId = await publicThread(leader);
    await db().execute(sql`insert into posts (thread_id, author_id, body)
      select ${threadId}::uuid, ${leader.user.id}::uuid, 'Counting ' || ${word} || ' ' || n
      from generate_series(1, 1001) n`);
    const found: Page = (await call('GET', `/api/search?q=${word}`)).json();
    expect(found.counts.reply).toBe(1000);
    expect(found.countsCapped.reply).toBe(true);
    expect(found.countsCapped.thread).toBe(false);
    expect(found.data).toHaveLength(20);
  });

  it('ranks the newest matches of a very common word, says "1,000+" without counting, and still hides what the searcher may not read', async () => {
    const word = `cw${Date.now().toString(36)}`;
    const leader = await signedInUser(t.app);
    const threadId = await publicThread(leader);
    const closed = await createTestCommunity(db(), [leader.user.id], { visibility: 'private' });
    const closedThread = (
      await call('POST', `/api/communities/${closed.slug}/threads`, leader.cookie, {
        title: 'Closed',
        body: 'Opening post.',
      })
    ).json().data.id as string;
    // 150 replies with the word, the newest ones with it more often (better matches), every tenth in
    // the private community; and one from three years ago with it six times, the best of all.
    await db().execute(sql`insert into posts (thread_id, author_id, body, created_at)
      select case when n % 10 = 0 then ${closedThread}::uuid else ${threadId}::uuid end, ${leader.user.id}::uuid,
        repeat(${word} || ' ', 1 + (n % 3)) || 'common reply ' || n, now() - make_interval(mins => n)
      from generate_series(1, 150) n`);
    const old = await db().execute(sql`insert into posts (thread_id, author_id, body, created_at)
      values (${threadId}::uuid, ${leader.user.id}::uuid, repeat(${word} || ' ', 6), now() - interval '3 years')
      returning id::text as id`);
    const oldId = rowsOf<{ id: string }>(old)[0]?.id;
    await db().execute(sql`analyze posts`);
    const estimate = rowsOf<{ n: string }>(
      await db().execute(sql`select copse_search_estimate('posts'::regclass, copse_tsquery(${word})) as n`),
    )[0]?.n;
    // The planner knows the word from the statistics ANALYZE gathered.
    expect(Number(estimate)).toBeGreaterThanOrEqual(100);

    // Treated as common from 100 estimated matches, ranking the newest 60: the old post is not among
    // them, the private community's replies never show, the page is best first, nothing is counted.
    const tuning = { commonMin: 100, commonShare: 0, commonPool: 60, estimateCountAt: 100 };
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchEverything(
        db(),
        null,
        { q: word, kind: 'reply', limit: 20, cursor, withPeople: false },
        tuning,
      );
      expect(page.countsCapped.reply).toBe(true);
      expect(page.counts.reply).toBe(1000);
      const ranks = page.rows.map((row) => row.rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
      seen.push(...page.rows.map((row) => row.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && seen.length < 200);
    const newest = rowsOf<{ id: string; thread_id: string }>(
      await db().execute(sql`select p.id::text as id, p.thread_id::text as thread_id from posts p
        where p.search @@ copse_tsquery(${word}) order by p.created_at desc, p.id desc limit 60`),
    );
    const readable = newest.filter((row) => row.thread_id === threadId).map((row) => row.id);
    expect([...seen].sort()).toEqual([...readable].sort());
    expect(seen).not.toContain(oldId);
    // With the defaults the word is not common, every match is ranked and counted: the old post first.
    const everything = await searchEverything(db(), null, {
      q: word,
      kind: 'reply',
      limit: 20,
      withPeople: false,
    });
    expect(everything.rows[0]?.id).toBe(oldId);
    expect(everything.counts.reply).toBe(136);
    expect(everything.countsCapped.reply).toBe(false);

    // Newest first gives the same pages whether it walks the creation-time index (a common word) or
    // sorts the full-text index's matches (a rare one).
    const newestFirst = async (rareShare: number, cursor?: string) =>
      searchEverything(
        db(),
        null,
        { q: word, kind: 'reply', sort: 'newest', limit: 20, cursor, withPeople: false },
        { rareShare },
      );
    const walked = await newestFirst(0);
    const sorted = await newestFirst(1);
    expect(walked.rows).toHaveLength(20);
    expect(sorted.rows.map((row) => row.id)).toEqual(walked.rows.map((row) => row.id));
    const walkedNext = await newestFirst(0, walked.nextCursor ?? undefined);
    const sortedNext = await newestFirst(1, sorted.nextCursor ?? undefined);
    expect(sortedNext.rows.map((row) => row.id)).toEqual(walkedNext.rows.map((row) => row.id));
  });

  it('never shows a reply of a private community under newest first either', async () => {
    const word = `pv${Date.now().toString(36)}`;
    const leader = await signedInUser(t.app);
    const closed = await createTestCommunity(db(), [leader.user.id], { visibility: 'private' });
    const open = await createTestCommunity(db(), [leader.user.id], { visibility: 'public' });
    for (const community of [closed, open]) {
      const threadId = (
        await call('POST', `/api/communities/${community.slug}/threads`, leader.cookie, {
          title: `In ${community.slug}`,
          body: 'Opening post.',
        })
      ).json().data.id;
      await call('POST', `/api/threads/${threadId}/replies`, leader.cookie, { body: `A ${word} reply.` });
    }
    const outsider = await signedInUser(t.app);
    for (const sort of ['newest', 'relevance']) {
      const found: Page = (await call('GET', `/api/search?q=${word}&sort=${sort}`, outsider.cookie)).json();
      expect(found.data.map((r) => r.title)).toEqual([`In ${open.slug}`]);
      expect(found.counts.reply).toBe(1);
      const asLeader: Page = (await call('GET', `/api/search?q=${word}&sort=${sort}`, leader.cookie)).json();
      expect(asLeader.data).toHaveLength(2);
    }
  });

  it('finds a new reply within 5 seconds of it being written', async () => {
    const word = `nw${Date.now().toString(36)}`;
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id], { visibility: 'public' });
    const threadId = (
      await call('POST', `/api/communities/${community.slug}/threads`, leader.cookie, {
        title: 'Fresh',
        body: 'Opening post.',
      })
    ).json().data.id;
    const written = Date.now();
    const reply = await call('POST', `/api/threads/${threadId}/replies`, leader.cookie, {
      body: `Just now: ${word}.`,
    });
    expect(reply.statusCode).toBe(201);
    let found: Page;
    do {
      found = (await call('GET', `/api/search?q=${word}&sort=newest`)).json();
    } while (found.data.length === 0 && Date.now() - written < 5000);
    expect(found.data.map((r) => r.id)).toEqual([reply.json().data.id]);
    expect(Date.now() - written).toBeLessThan(5000);
  });

  it('finds Dutch and Italian posts by the word forms and spellings their readers type', async () => {
    const tag = `lg${Date.now().toString(36)}`;
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id], { visibility: 'public' });
    const post = async (title: string, body: string) =>
      (
        await call('POST', `/api/communities/${community.slug}/threads`, leader.cookie, { title, body })
      ).json().data.id as string;
    const dutch = await post(
      `Ervaringen ${tag}`,
      'De vergaderingen over beoordelingscriteria waren één keer per week; de studenten gaven hun ideeën.',
    );
    const italian = await post(
      `Esperienze ${tag}`,
      'Le valutazioni degli studenti sono più utili perché arrivano prima della consegna.',
    );
    const titlesFor = async (words: string) =>
      (
        (
          await call('GET', `/api/search?q=${encodeURIComponent(`${tag} ${words}`)}&kind=thread`)
        ).json() as Page
      ).data.map((r) => r.id);
    // Dutch: the singular for a plural, without the accents.
    expect(await titlesFor('vergadering')).toEqual([dutch]);
    expect(await titlesFor('ideeen')).toEqual([dutch]);
    expect(await titlesFor('idee\u00ebn')).toEqual([dutch]);
    // Italian: the singular for a plural, "perche" for "perché", "piu" for "più".
    expect(await titlesFor('valutazione')).toEqual([italian]);
    expect(await titlesFor('perche piu')).toEqual([italian]);
    expect(await titlesFor('studenti')).toEqual(expect.arrayContaining([dutch, italian]));
    const snippet = (
      (
        await call('GET', `/api/search?q=${encodeURIComponent(`${tag} valutazione`)}&kind=thread`)
      ).json() as Page
    ).data[0]?.snippet;
    expect(snippet).toContain('<mark>');
  });
});

describe('search on both indexes', () => {
  it('gives the same pages with the RUM index (where PostgreSQL has it) as with GIN alone', async () => {
    const word = `ix${Date.now().toString(36)}`;
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id], { visibility: 'public' });
    const threadId = (
      await call('POST', `/api/communities/${community.slug}/threads`, leader.cookie, {
        title: 'Index',
        body: 'Opening post.',
      })
    ).json().data.id as string;
    // Replies with the words 1-5 times, near and far, some tied, in 60 rows.
    await db().execute(sql`insert into posts (thread_id, author_id, body, created_at)
      select ${threadId}::uuid, ${leader.user.id}::uuid,
        repeat(${word} || ' peer ', 1 + n % 5) || repeat('filler ', n % 7) || case when n % 3 = 0 then 'feedback' else 'review' end,
        now() - make_interval(hours => n)
      from generate_series(1, 60) n`);
    const searched = [word, `${word} feedback`, `"${word} peer"`, `${word} -review`, `${word} OR feedback`];
    for (const q of searched) {
      let cursor: string | undefined;
      for (let page = 0; page < 4; page++) {
        const filter = { q, kind: 'reply' as const, limit: 15, cursor, withPeople: false };
        const withRum = await searchEverything(db(), null, filter);
        const withGin = await searchEverything(db(), null, filter, { withoutRum: true });
        expect(
          withRum.rows.map((row) => row.id),
          `${q}, page ${page + 1}`,
        ).toEqual(withGin.rows.map((row) => row.id));
        expect(withRum.nextCursor).toBe(withGin.nextCursor);
        if (!withRum.nextCursor) break;
        cursor = withRum.nextCursor;
      }
    }
  });
});
