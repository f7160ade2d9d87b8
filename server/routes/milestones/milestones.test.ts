import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communities, communityMilestones } from '../../db/schema/index.ts';
import { recordFirstYears } from '../../queries/milestones.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs } from '../../test/factories.ts';
import { createTestMeeting } from '../../test/meetings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;

/** A community with a signed-in leader and `n` members (made directly: they reach no milestone). */
async function community(n: number, overrides: { visibility?: 'public' | 'institution' | 'private' } = {}) {
  const leader = await signedInUser(t.app);
  const people = await Promise.all(Array.from({ length: n }, () => createUser(db())));
  const made = await createTestCommunity(db(), [leader.user.id], {
    members: people.map((p) => [p.id, 'member'] as [string, 'member']),
    ...overrides,
  });
  return { leader, community: made, people };
}

async function milestones(slug: string, cookie?: string) {
  const response = await call('GET', `/api/communities/${slug}/milestones`, cookie);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data as {
    milestones: {
      id: string;
      kind: string;
      celebrated: boolean;
      note: string | null;
      noteByName: string | null;
      resource: { title: string } | null;
    }[];
    canAddNote: boolean;
  };
}

describe('milestones reached by what members do', () => {
  it('records 10 members when the tenth joins, once, and shows it on the members’ home page', async () => {
    const { leader, community: c, people } = await community(8);
    expect((await milestones(c.slug, leader.cookie)).milestones).toEqual([]);
    const tenth = await signedInUser(t.app);
    const joined = await call('POST', `/api/communities/${c.slug}/join`, tenth.cookie, {});
    expect(joined.statusCode, joined.body).toBe(200);
    const after = await milestones(c.slug, leader.cookie);
    expect(after.milestones).toMatchObject([{ kind: 'members_10', celebrated: true, note: null }]);
    expect(after.canAddNote).toBe(true);

    // Leaving and joining again does not reach it a second time.
    expect((await call('POST', `/api/communities/${c.slug}/leave`, tenth.cookie, {})).statusCode).toBe(200);
    expect((await call('POST', `/api/communities/${c.slug}/join`, tenth.cookie, {})).statusCode).toBe(200);
    expect((await milestones(c.slug, leader.cookie)).milestones).toHaveLength(1);

    const member = await signInAs(t.app, people[0]?.email ?? '');
    const home = (await call('GET', '/api/home', member)).json().data;
    expect(home.celebrations).toMatchObject([{ kind: 'members_10', community: { slug: c.slug } }]);
    // Someone outside the community does not see it on their home page.
    const stranger = await signedInUser(t.app);
    expect((await call('GET', '/api/home', stranger.cookie)).json().data.celebrations).toEqual([]);
  });

  it('records the first meeting held when attendance is taken, and a resource used ten times', async () => {
    const { leader, community: c, people } = await community(10);
    const meeting = await createTestMeeting(db(), c.id, { startsInHours: -2 });
    const taken = await call('PUT', `/api/meetings/${meeting.id}/attendance`, leader.cookie, {
      userIds: [people[0]?.id, people[1]?.id],
    });
    expect(taken.statusCode, taken.body).toBe(200);

    const added = await call('POST', `/api/communities/${c.slug}/resources`, leader.cookie, {
      kind: 'link',
      title: 'Rubric bank',
      url: 'https://example.org/rubrics',
    });
    expect(added.statusCode, added.body).toBe(201);
    const resourceId = added.json().data.id as string;
    for (const person of people) {
      const cookie = await signInAs(t.app, person.email);
      const used = await call('POST', `/api/resources/${resourceId}/uses`, cookie, {
        kind: 'used',
        story: 'Worked.',
      });
      expect(used.statusCode, used.body).toBe(201);
    }
    const list = await milestones(c.slug, leader.cookie);
    expect(list.milestones.map((m) => m.kind).sort()).toEqual(['first_meeting', 'resource_used_10']);
    expect(list.milestones.find((m) => m.kind === 'resource_used_10')?.resource).toEqual({
      id: resourceId,
      title: 'Rubric bank',
    });
  });

  it('records a community’s first year once, from the daily job', async () => {
    const { leader, community: c } = await community(1);
    await db()
      .update(communities)
      .set({ createdAt: sql`now() - interval '13 months'` })
      .where(eq(communities.id, c.id));
    expect(await recordFirstYears(db(), new Date())).toBeGreaterThanOrEqual(1);
    expect(await recordFirstYears(db(), new Date())).toBe(0);
    expect((await milestones(c.slug, leader.cookie)).milestones).toMatchObject([{ kind: 'first_year' }]);
  });
});

describe('the leaders’ word', () => {
  it('is added and taken away by leaders; members, outsiders and bad input are refused', async () => {
    const { leader, community: c, people } = await community(8, { visibility: 'public' });
    const tenth = await signedInUser(t.app);
    expect((await call('POST', `/api/communities/${c.slug}/join`, tenth.cookie, {})).statusCode).toBe(200);
    const [milestone] = (await milestones(c.slug)).milestones;
    if (!milestone) throw new Error('no milestone');
    const url = `/api/milestones/${milestone.id}/note`;

    const note = 'Ten of us now: thank you for bringing colleagues along!';
    expect((await call('PUT', url, leader.cookie, { note })).statusCode).toBe(200);
    expect((await milestones(c.slug)).milestones[0]).toMatchObject({
      note,
      noteByName: leader.user.displayName,
    });

    const member = await signInAs(t.app, people[0]?.email ?? '');
    const refused = await call('PUT', url, member, { note: 'Mine' });
    expect(refused.statusCode).toBe(403);
    expect((await milestones(c.slug, member)).canAddNote).toBe(false);
    const otherLeader = await signedInUser(t.app);
    expect((await call('PUT', url, otherLeader.cookie, { note: 'Mine' })).statusCode).toBe(403);
    expect((await call('PUT', url, undefined, { note: 'Mine' })).statusCode).toBe(401);

    const long = await call('PUT', url, leader.cookie, { note: 'x'.repeat(281) });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields).toHaveProperty('note');
    const missing = await call('PUT', url, leader.cookie, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toHaveProperty('note');
    const unknown = await call('PUT', `/api/milestones/${crypto.randomUUID()}/note`, leader.cookie, {
      note: 'Hi',
    });
    expect(unknown.statusCode).toBe(404);
    expect(
      (await call('PUT', '/api/milestones/not-an-id/note', leader.cookie, { note: 'Hi' })).statusCode,
    ).toBe(400);

    // Still the leader's word after the refusals; an empty note takes it away.
    expect((await milestones(c.slug)).milestones[0]?.note).toBe(note);
    expect((await call('PUT', url, leader.cookie, { note: '  ' })).statusCode).toBe(200);
    expect((await milestones(c.slug)).milestones[0]).toMatchObject({ note: null, noteByName: null });
  });

  it('keeps a private community’s milestones from those who cannot see it', async () => {
    const { community: c } = await community(1, { visibility: 'private' });
    const stranger = await signedInUser(t.app);
    expect((await call('GET', `/api/communities/${c.slug}/milestones`, stranger.cookie)).statusCode).toBe(
      404,
    );
    const [row] = await db()
      .insert(communityMilestones)
      .values({ communityId: c.id, kind: 'members_10', key: 'members_10' })
      .returning();
    const note = await call('PUT', `/api/milestones/${row?.id}/note`, stranger.cookie, { note: 'Hi' });
    expect(note.statusCode).toBe(404);
    const stored = await db()
      .select()
      .from(communityMilestones)
      .where(and(eq(communityMilestones.communityId, c.id), eq(communityMilestones.key, 'members_10')));
    expect(stored[0]?.note).toBeNull();
  });
});
