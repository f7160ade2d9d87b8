import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents, meetings, resources, threads, valueStories } from '../../db/schema/index.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs } from '../../test/factories.ts';

let t: TestApp;
const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;

/** Two communities; the leader leads the first, the member belongs to it, the outsider to the second. */
interface World {
  slug: string;
  communityId: string;
  leader: string;
  member: string;
  memberId: string;
  otherMember: string;
  meeting: string;
  thread: string;
  hiddenThread: string;
  resource: string;
  foreignThread: string;
  foreignResource: string;
}
let w: World;

async function insertThread(communityId: string, authorId: string, title: string, hidden = false) {
  const [row] = await db()
    .insert(threads)
    .values({ communityId, authorId, title, body: 'Body', hiddenAt: hidden ? new Date() : null })
    .returning({ id: threads.id });
  return row?.id ?? '';
}

async function insertResource(communityId: string, authorId: string, title: string) {
  const [row] = await db()
    .insert(resources)
    .values({ communityId, authorId, kind: 'link', title, url: 'https://example.org/rubric' })
    .returning({ id: resources.id });
  return row?.id ?? '';
}

beforeAll(async () => {
  t = await getTestApp();
  const leader = await signedInUser(t.app);
  const [member, otherMember, otherLeader] = await Promise.all([
    createUser(db()),
    createUser(db()),
    createUser(db()),
  ]);
  const community = await createTestCommunity(db(), [leader.user.id], {
    members: [
      [member.id, 'member'],
      [otherMember.id, 'member'],
    ],
  });
  const other = await createTestCommunity(db(), [otherLeader.id]);
  const [meeting] = await db()
    .insert(meetings)
    .values({
      communityId: community.id,
      title: 'Rubrics workshop',
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() - 82_800_000),
      timeZone: 'Europe/Amsterdam',
    })
    .returning({ id: meetings.id });
  w = {
    slug: community.slug,
    communityId: community.id,
    leader: leader.cookie,
    member: await signInAs(t.app, member.email),
    memberId: member.id,
    otherMember: await signInAs(t.app, otherMember.email),
    meeting: meeting?.id ?? '',
    thread: await insertThread(community.id, leader.user.id, 'How do you grade with rubrics?'),
    hiddenThread: await insertThread(community.id, leader.user.id, 'Hidden by a moderator', true),
    resource: await insertResource(community.id, leader.user.id, 'Rubric template'),
    foreignThread: await insertThread(other.id, otherLeader.id, 'Another community'),
    foreignResource: await insertResource(other.id, otherLeader.id, 'Their template'),
  };
});
afterAll(async () => t.close());

const story = {
  title: 'Rubrics changed my marking',
  immediate: 'I went to the rubrics workshop and asked about peer feedback.',
  potential: 'A rubric template and two colleagues to ask.',
  applied: 'I used the template in my first-year course.',
  realised: 'Marking took half the time and students understood their grades.',
  transformative: '',
};

describe('value-creation stories', () => {
  it('a member records a story from their "I used this", linked to a meeting and a thread; the event is logged', async () => {
    const use = await call('POST', `/api/resources/${w.resource}/uses`, w.member, {
      kind: 'used',
      story: 'Used it for my course.',
    });
    expect(use.statusCode, use.body).toBe(201);
    const created = await call('POST', `/api/communities/${w.slug}/stories`, w.member, {
      ...story,
      meetingIds: [w.meeting],
      threadIds: [w.thread, w.thread],
      resourceUseId: use.json().data.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().data.id as string;

    const read = (await call('GET', `/api/stories/${id}`, w.otherMember)).json().data;
    expect(read.title).toBe(story.title);
    expect(read.fromResourceUse.resourceTitle).toBe('Rubric template');
    expect(read.links.map((l: { kind: string }) => l.kind).sort()).toEqual(['meeting', 'resource', 'thread']);
    expect(read.abilities).toEqual({ edit: false, delete: false, curate: false, publish: false });

    const events = await db()
      .select()
      .from(activityEvents)
      .where(and(eq(activityEvents.kind, 'story.recorded'), eq(activityEvents.subjectId, id)));
    expect(events).toHaveLength(1);
    expect(events[0]?.actorId).toBe(w.memberId);

    const list = (await call('GET', `/api/communities/${w.slug}/stories?limit=1`, w.member)).json();
    expect(list.data[0]).toMatchObject({ id, cycles: ['immediate', 'potential', 'applied', 'realised'] });
    expect(list.canRecord).toBe(true);
    expect(list.canCurate).toBe(false);
  });

  it('the leader features and hides; a hidden story is seen by the leader and the author only', async () => {
    const id = (await call('POST', `/api/communities/${w.slug}/stories`, w.member, story)).json().data.id;
    expect(
      (await call('PATCH', `/api/stories/${id}/curation`, w.leader, { featured: true })).statusCode,
    ).toBe(200);
    const matrix = (await call('GET', `/api/communities/${w.slug}/value-matrix`, w.member)).json().data;
    const realised = matrix.cycles.find((c: { cycle: string }) => c.cycle === 'realised');
    expect(realised.examples[0]).toMatchObject({ id, featured: true });

    await call('PATCH', `/api/stories/${id}/curation`, w.leader, { status: 'hidden' });
    expect((await call('GET', `/api/stories/${id}`, w.otherMember)).statusCode).toBe(404);
    expect((await call('GET', `/api/stories/${id}`, w.member)).statusCode).toBe(200);
    expect((await call('GET', `/api/stories/${id}`, w.leader)).statusCode).toBe(200);
    const others = (await call('GET', `/api/communities/${w.slug}/stories?limit=100`, w.otherMember)).json();
    expect(others.data.some((s: { id: string }) => s.id === id)).toBe(false);
  });

  it('the author edits and deletes their own; others may not', async () => {
    const id = (await call('POST', `/api/communities/${w.slug}/stories`, w.member, story)).json().data.id;
    const changed = { ...story, title: 'Rubrics, a term later', resourceIds: [w.resource] };
    expect((await call('PUT', `/api/stories/${id}`, w.otherMember, changed)).statusCode).toBe(403);
    expect((await call('PUT', `/api/stories/${id}`, w.leader, changed)).statusCode).toBe(403);
    expect((await call('PUT', `/api/stories/${id}`, w.member, changed)).statusCode).toBe(200);
    const read = (await call('GET', `/api/stories/${id}`, w.member)).json().data;
    expect(read.title).toBe('Rubrics, a term later');
    expect(read.links).toHaveLength(1);
    expect((await call('DELETE', `/api/stories/${id}`, w.member)).statusCode).toBe(200);
    expect((await call('GET', `/api/stories/${id}`, w.member)).statusCode).toBe(404);
  });

  it('pages through the list with a keyset cursor, newest first', async () => {
    const { slug } = await createTestCommunity(db(), [(await createUser(db())).id], {
      members: [[w.memberId, 'member']],
    });
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const response = await call('POST', `/api/communities/${slug}/stories`, w.member, {
        ...story,
        title: `S${n}`,
      });
      ids.push(response.json().data.id);
    }
    const first = (await call('GET', `/api/communities/${slug}/stories?limit=2`, w.member)).json();
    expect(first.data.map((s: { title: string }) => s.title)).toEqual(['S3', 'S2']);
    const second = (
      await call('GET', `/api/communities/${slug}/stories?limit=2&cursor=${first.nextCursor}`, w.member)
    ).json();
    expect(second.data.map((s: { title: string }) => s.title)).toEqual(['S1']);
    expect(second.nextCursor).toBeNull();
  });

  it('offers the pickers only what the author may see in this community', async () => {
    const threadsOffered = (
      await call('GET', `/api/communities/${w.slug}/stories/link-options?kind=thread`, w.member)
    ).json().data;
    const ids = threadsOffered.map((o: { id: string }) => o.id);
    expect(ids).toContain(w.thread);
    expect(ids).not.toContain(w.hiddenThread);
    expect(ids).not.toContain(w.foreignThread);
    const found = (
      await call('GET', `/api/communities/${w.slug}/stories/link-options?kind=resource&q=rubric`, w.member)
    ).json().data;
    expect(found.map((o: { title: string }) => o.title)).toEqual(['Rubric template']);
  });

  it.each([
    ['an empty story', { title: 'Nothing yet' }, 'immediate'],
    ['no title', { ...story, title: '  ' }, 'title'],
    ['a too-long cycle', { ...story, applied: 'x'.repeat(4_001) }, 'applied'],
    ['a too-long title', { ...story, title: 'x'.repeat(121) }, 'title'],
    ['an unknown thread', { ...story, threadIds: ['00000000-0000-4000-8000-000000000000'] }, 'threadIds'],
    ['a thread of another community', { ...story, threadIds: ['FOREIGN_THREAD'] }, 'threadIds'],
    ['a thread hidden from the author', { ...story, threadIds: ['HIDDEN_THREAD'] }, 'threadIds'],
    ['a resource of another community', { ...story, resourceIds: ['FOREIGN_RESOURCE'] }, 'resourceIds'],
    ['a link id that is not an id', { ...story, meetingIds: ['nope'] }, 'meetingIds.0'],
    [
      'someone else’s "I used this"',
      { ...story, resourceUseId: '00000000-0000-4000-8000-000000000000' },
      'resourceUseId',
    ],
  ])('refuses %s with 400 naming the field, writing nothing', async (_name, body, field) => {
    const payload = JSON.parse(
      JSON.stringify(body)
        .replace('FOREIGN_THREAD', w.foreignThread)
        .replace('HIDDEN_THREAD', w.hiddenThread)
        .replace('FOREIGN_RESOURCE', w.foreignResource),
    );
    const before = await db().$count(valueStories);
    const response = await call('POST', `/api/communities/${w.slug}/stories`, w.member, payload);
    expect(response.statusCode, response.body).toBe(400);
    expect(Object.keys(response.json().fields ?? {})).toContain(field);
    expect(await db().$count(valueStories)).toBe(before);
  });
});
