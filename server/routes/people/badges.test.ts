import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

interface BadgeList {
  shown: boolean;
  badges: { kind: string; community: { slug: string; name: string } }[];
}

async function badgesOf(personId: string, cookie: string): Promise<BadgeList> {
  const response = await call('GET', `/api/people/${personId}/badges`, cookie);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data as BadgeList;
}

async function notificationTitles(cookie: string): Promise<string[]> {
  const response = await call('GET', '/api/notifications', cookie);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().data as { title: string }[]).map((n) => n.title);
}

describe('badges earned by contributing', () => {
  it('gives a first post once per community, and the first helpful answer to the replier, not the asker', async () => {
    const leader = await signedInUser(t.app);
    const member = await signedInUser(t.app);
    const c = await createTestCommunity(db(), [leader.user.id], {
      name: 'Peer feedback',
      members: [[member.user.id, 'member']],
    });
    expect((await badgesOf(member.user.id, leader.cookie)).badges).toEqual([]);

    const asked = await call('POST', `/api/communities/${c.slug}/threads`, leader.cookie, {
      kind: 'question',
      title: 'How do you grade group work?',
      body: 'Ideas welcome.',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const threadId = asked.json().data.id as string;
    for (const body of ['Peer rating, then a shared mark.', 'And a reflection.']) {
      const replied = await call('POST', `/api/threads/${threadId}/replies`, member.cookie, { body });
      expect(replied.statusCode, replied.body).toBe(201);
    }
    const own = await call('POST', `/api/threads/${threadId}/replies`, leader.cookie, { body: 'Thanks!' });
    const first = (await call('GET', `/api/threads/${threadId}`, leader.cookie)).json().data.replies[0].id;

    // The asker's own reply marked as the answer earns nothing.
    const ownMarked = await call('PUT', `/api/threads/${threadId}/helpful`, leader.cookie, {
      postId: own.json().data.id,
    });
    expect(ownMarked.statusCode, ownMarked.body).toBe(200);
    expect((await badgesOf(leader.user.id, member.cookie)).badges.map((b) => b.kind)).toEqual(['first_post']);

    const marked = await call('PUT', `/api/threads/${threadId}/helpful`, leader.cookie, { postId: first });
    expect(marked.statusCode, marked.body).toBe(200);
    const memberBadges = await badgesOf(member.user.id, leader.cookie);
    expect(memberBadges.shown).toBe(true);
    expect(memberBadges.badges.map((b) => b.kind).sort()).toEqual(['first_helpful_answer', 'first_post']);
    expect(memberBadges.badges[0]?.community).toEqual({ slug: c.slug, name: 'Peer feedback' });

    // Told once for each, in the app.
    const titles = await notificationTitles(member.cookie);
    expect(titles.filter((title) => title.includes('You earned a badge in Peer feedback'))).toHaveLength(2);
  });

  it('gives the author a badge when their resource is used 25 times, and the host one at three meetings held', async () => {
    const leader = await signedInUser(t.app);
    const people = await Promise.all(Array.from({ length: 25 }, () => createUser(db())));
    const c = await createTestCommunity(db(), [leader.user.id], {
      members: people.map((p) => [p.id, 'member'] as [string, 'member']),
    });
    const added = await call('POST', `/api/communities/${c.slug}/resources`, leader.cookie, {
      kind: 'link',
      title: 'Rubric bank',
      url: 'https://example.org/rubrics',
    });
    expect(added.statusCode, added.body).toBe(201);
    const resourceId = added.json().data.id as string;
    for (const [index, person] of people.entries()) {
      const cookie = await signInAs(t.app, person.email);
      const used = await call('POST', `/api/resources/${resourceId}/uses`, cookie, {
        kind: 'used',
        story: 'Worked.',
      });
      expect(used.statusCode, used.body).toBe(201);
      if (index === 23) {
        expect((await badgesOf(leader.user.id, cookie)).badges.map((b) => b.kind)).not.toContain(
          'resource_used_25',
        );
      }
    }
    expect((await badgesOf(leader.user.id, leader.cookie)).badges.map((b) => b.kind)).toContain(
      'resource_used_25',
    );

    for (let n = 1; n <= 3; n++) {
      const meeting = await createTestMeeting(db(), c.id, {
        startsInHours: -2 * n,
        createdBy: leader.user.id,
      });
      const taken = await call('PUT', `/api/meetings/${meeting.id}/attendance`, leader.cookie, {
        userIds: [people[0]?.id],
      });
      expect(taken.statusCode, taken.body).toBe(200);
      const kinds = (await badgesOf(leader.user.id, leader.cookie)).badges.map((b) => b.kind);
      expect(kinds.includes('hosted_three_meetings')).toBe(n === 3);
    }
    // Taking attendance again does not earn it twice.
    const again = await createTestMeeting(db(), c.id, { startsInHours: -10, createdBy: leader.user.id });
    await call('PUT', `/api/meetings/${again.id}/attendance`, leader.cookie, { userIds: [people[1]?.id] });
    const kinds = (await badgesOf(leader.user.id, leader.cookie)).badges.map((b) => b.kind);
    expect(kinds.filter((kind) => kind === 'hosted_three_meetings')).toHaveLength(1);
  });
});

describe('who sees badges', () => {
  it('hides them from others when the member chooses, keeps them for the member, and keeps private communities private', async () => {
    const member = await signedInUser(t.app);
    const other = await signedInUser(t.app);
    const open = await createTestCommunity(db(), [member.user.id], { visibility: 'institution' });
    const secret = await createTestCommunity(db(), [member.user.id], { visibility: 'private' });
    for (const c of [open, secret]) {
      const started = await call('POST', `/api/communities/${c.slug}/threads`, member.cookie, {
        kind: 'discussion',
        title: 'Hello',
        body: 'First words.',
      });
      expect(started.statusCode, started.body).toBe(201);
    }
    // Someone outside the private community sees only the other badge.
    expect((await badgesOf(member.user.id, other.cookie)).badges.map((b) => b.community.slug)).toEqual([
      open.slug,
    ]);
    expect((await badgesOf(member.user.id, member.cookie)).badges).toHaveLength(2);

    const hidden = await call('PATCH', '/api/me', member.cookie, { showBadges: false });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json().data.showBadges).toBe(false);
    expect(await badgesOf(member.user.id, other.cookie)).toEqual({ shown: false, badges: [] });
    const mine = await badgesOf(member.user.id, member.cookie);
    expect(mine.shown).toBe(false);
    expect(mine.badges).toHaveLength(2);

    const shown = await call('PATCH', '/api/me', member.cookie, { showBadges: true });
    expect(shown.json().data.showBadges).toBe(true);
    expect((await badgesOf(member.user.id, other.cookie)).badges).toHaveLength(1);
  });

  it('answers 401 to nobody, 404 for an unknown person, and 400 for a bad id or setting', async () => {
    const member = await signedInUser(t.app);
    expect((await call('GET', `/api/people/${member.user.id}/badges`)).statusCode).toBe(401);
    const unknown = await call(
      'GET',
      '/api/people/00000000-0000-4000-8000-000000000000/badges',
      member.cookie,
    );
    expect(unknown.statusCode).toBe(404);
    expect((await call('GET', '/api/people/nope/badges', member.cookie)).statusCode).toBe(400);
    const bad = await call('PATCH', '/api/me', member.cookie, { showBadges: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toHaveProperty('showBadges');
  });
});
