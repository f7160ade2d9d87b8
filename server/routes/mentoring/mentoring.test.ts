import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activityEvents,
  mentoringOffers,
  mentoringPairs,
  notifications,
  users,
  valueStories,
} from '../../db/schema/index.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUnit, createUser, signedInUser, signInAs } from '../../test/factories.ts';
import { createTestMeeting } from '../../test/meetings.ts';

/**
 * Mentoring (#18 §2): offers and wishes on known skills, explained suggestions (shared skills, another
 * unit first, the cap respected), requests the mentor accepts once and within the cap (also when two
 * accepts race), the private space (notes, the next meeting and its .ics) and closing with a reflection;
 * then the permission matrix of every endpoint for anonymous, a member, the mentor, the mentee, a third
 * person, a coordinator, an administrator and a suspended person.
 */

let t: TestApp;
let call: ReturnType<typeof requester>;
const db = () => t.app.deps.database.db;
type Person = { id: string; cookie: string };
const people = {} as Record<
  'mentee' | 'mentorA' | 'mentorB' | 'mentorFull' | 'third' | 'coordinator' | 'admin',
  Person
>;
let unitOne = '';
let unitTwo = '';

async function person(overrides: Parameters<typeof createUser>[1]) {
  const { user, cookie } = await signedInUser(t.app, overrides);
  return { id: user.id, cookie };
}

const offer = (side: 'mentor' | 'mentee', body: object, cookie: string) =>
  call('PUT', `/api/mentoring/offers/${side}`, cookie, body);

beforeAll(async () => {
  t = await getTestApp();
  call = requester(t);
  unitOne = (await createUnit(db(), 'Biology')).id;
  unitTwo = (await createUnit(db(), 'History')).id;
  people.mentee = await person({ unitId: unitOne, expertise: ['statistics'], displayName: 'Mia Mentee' });
  people.mentorA = await person({
    unitId: unitOne,
    expertise: ['assessment', 'feedback'],
    displayName: 'Ada Same',
  });
  people.mentorB = await person({
    unitId: unitTwo,
    expertise: ['assessment', 'feedback'],
    displayName: 'Bo Other',
  });
  people.mentorFull = await person({ unitId: unitTwo, expertise: ['assessment'], displayName: 'Cy Full' });
  people.third = await person({ unitId: unitTwo });
  people.coordinator = await person({ role: 'coordinator' });
  people.admin = await person({ role: 'administrator' });
  for (const mentor of [people.mentorA, people.mentorB])
    expect(
      (
        await offer(
          'mentor',
          { skills: ['assessment', 'feedback'], cap: 2, availability: 'Tuesdays' },
          mentor.cookie,
        )
      ).statusCode,
    ).toBe(200);
  await offer('mentor', { skills: ['assessment'], cap: 1 }, people.mentorFull.cookie);
  await db()
    .update(mentoringOffers)
    .set({ activeCount: 1 })
    .where(eq(mentoringOffers.userId, people.mentorFull.id));
  expect(
    (await offer('mentee', { skills: ['assessment', 'feedback'], weekly: ['tue-pm'] }, people.mentee.cookie))
      .statusCode,
  ).toBe(200);
});

afterAll(async () => {
  await t.close();
});

describe('offers', () => {
  it('refuses unknown skills, a cap of 0 or 50, a mentor without a cap, and strangers to the institution', async () => {
    const unknown = await offer(
      'mentor',
      { skills: ['assessment', 'juggling'], cap: 2 },
      people.third.cookie,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields.skills).toContain('juggling');
    for (const cap of [0, 50]) {
      const response = await offer('mentor', { skills: ['assessment'], cap }, people.third.cookie);
      expect(response.statusCode).toBe(400);
      expect(response.json().fields.cap).toBeTruthy();
    }
    expect((await offer('mentor', { skills: ['assessment'] }, people.third.cookie)).statusCode).toBe(400);
    expect((await offer('mentee', { skills: [] }, people.third.cookie)).statusCode).toBe(400);
    const external = await person({ kind: 'external' });
    expect((await offer('mentee', { skills: ['assessment'] }, external.cookie)).statusCode).toBe(403);
    expect(
      await db().select().from(mentoringOffers).where(eq(mentoringOffers.userId, people.third.id)),
    ).toEqual([]);
  });
});

describe('suggestions, requests and the pair', () => {
  let pairId = '';

  it('suggests mentors with the shared skills, another unit first, and leaves out a mentor at the cap', async () => {
    const response = await call('GET', '/api/mentoring/suggestions', people.mentee.cookie);
    expect(response.statusCode).toBe(200);
    const suggestions = response.json().data as {
      mentor: { id: string };
      sharedSkills: string[];
      otherUnit: boolean;
    }[];
    expect(suggestions.map((s) => s.mentor.id)).toEqual([people.mentorB.id, people.mentorA.id]);
    expect(suggestions[0]).toMatchObject({ sharedSkills: ['assessment', 'feedback'], otherUnit: true });
    expect(suggestions[1]?.otherUnit).toBe(false);
  });

  it('asks, refuses asking twice or a full mentor, and the mentor accepts once', async () => {
    const asked = await call('POST', '/api/mentoring/pairs', people.mentee.cookie, {
      mentorId: people.mentorB.id,
      message: 'Hello',
    });
    expect(asked.statusCode).toBe(201);
    pairId = asked.json().data.id;
    expect(
      (await call('POST', '/api/mentoring/pairs', people.mentee.cookie, { mentorId: people.mentorB.id }))
        .statusCode,
    ).toBe(409);
    expect(
      (await call('POST', '/api/mentoring/pairs', people.mentee.cookie, { mentorId: people.mentorFull.id }))
        .statusCode,
    ).toBe(409);
    expect(
      (await call('POST', `/api/mentoring/pairs/${pairId}/accept`, people.mentee.cookie)).statusCode,
    ).toBe(403);
    expect(
      (await call('POST', `/api/mentoring/pairs/${pairId}/accept`, people.mentorB.cookie)).statusCode,
    ).toBe(200);
    const twice = await call('POST', `/api/mentoring/pairs/${pairId}/accept`, people.mentorB.cookie);
    expect(twice.statusCode).toBe(409);
    const [row] = await db()
      .select()
      .from(mentoringOffers)
      .where(and(eq(mentoringOffers.userId, people.mentorB.id), eq(mentoringOffers.side, 'mentor')));
    expect(row?.activeCount).toBe(1);
    const told = await db().select().from(notifications).where(eq(notifications.kind, 'mentoring.pairing'));
    expect(told.map((n) => n.userId).sort()).toEqual([people.mentee.id, people.mentorB.id].sort());
    const events = await db()
      .select()
      .from(activityEvents)
      .where(eq(activityEvents.kind, 'mentoring.started'));
    expect(events).toHaveLength(1);
    expect(events[0]?.communityId).toBeNull();
  });

  it('gives the two a space with notes and a next meeting as .ics', async () => {
    const note = await call('POST', `/api/mentoring/pairs/${pairId}/notes`, people.mentorB.cookie, {
      body: 'Read **this**',
    });
    expect(note.statusCode).toBe(201);
    const notes = await call('GET', `/api/mentoring/pairs/${pairId}/notes?limit=1`, people.mentee.cookie);
    expect(notes.json().data[0].bodyHtml).toContain('<strong>this</strong>');
    const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const meeting = await call('PUT', `/api/mentoring/pairs/${pairId}/meeting`, people.mentee.cookie, {
      startsAt,
      place: 'Library',
      url: 'https://video.example/room',
    });
    expect(meeting.statusCode).toBe(200);
    const ics = await call('GET', `/api/mentoring/pairs/${pairId}/meeting.ics`, people.mentorB.cookie);
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain('LOCATION:Library');
    const pair = await call('GET', `/api/mentoring/pairs/${pairId}`, people.mentee.cookie);
    expect(pair.json().data).toMatchObject({
      status: 'active',
      myRole: 'mentee',
      meeting: { place: 'Library' },
    });
    const mine = await call('GET', '/api/mentoring', people.mentorB.cookie);
    expect(mine.json().data.pairs[0]).toMatchObject({ id: pairId, myRole: 'mentor' });
    expect(
      (
        await call('PUT', `/api/mentoring/pairs/${pairId}/meeting`, people.mentee.cookie, {
          startsAt: 'soon',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('coordinators see that the pairing exists, not its space', async () => {
    const list = await call('GET', '/api/mentoring/pairings', people.coordinator.cookie);
    expect(list.json().data.map((p: { id: string }) => p.id)).toContain(pairId);
    expect((await call('GET', `/api/mentoring/pairs/${pairId}/notes`, people.admin.cookie)).statusCode).toBe(
      404,
    );
  });

  it('gives coordinators an overview: counts, skills, open pairings, unmatched wishes, full mentors; no private words', async () => {
    const waiting = await person({ displayName: 'Wes Waiting' });
    expect((await offer('mentee', { skills: ['feedback'] }, waiting.cookie)).statusCode).toBe(200);
    await call('PUT', `/api/mentoring/pairs/${pairId}/meeting`, people.mentee.cookie, {
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      place: 'Secretroom',
    });
    await call('POST', `/api/mentoring/pairs/${pairId}/notes`, people.mentee.cookie, { body: 'Privateword' });
    for (const cookie of [people.coordinator.cookie, people.admin.cookie]) {
      const response = await call('GET', '/api/mentoring/overview', cookie);
      expect(response.statusCode).toBe(200);
      const data = response.json().data;
      expect(data.counts).toMatchObject({ active: 1 });
      expect(data.bySkill).toContainEqual({ skill: 'assessment', active: 1, requested: 0 });
      expect(data.pairs).toContainEqual(
        expect.objectContaining({
          id: pairId,
          status: 'active',
          mentor: expect.objectContaining({ displayName: 'Bo Other' }),
          mentee: expect.objectContaining({ displayName: 'Mia Mentee' }),
        }),
      );
      const unmatched = data.unmatched.map((u: { person: { id: string } }) => u.person.id);
      expect(unmatched).toContain(waiting.id);
      expect(unmatched).not.toContain(people.mentee.id);
      expect(data.mentorsAtCap).toContainEqual(
        expect.objectContaining({ person: expect.objectContaining({ id: people.mentorFull.id }), cap: 1 }),
      );
      // The request's message, the notes and the meeting stay the pair's.
      for (const word of ['Hello', 'Privateword', 'Secretroom']) expect(response.body).not.toContain(word);
    }
  });

  it('closes with a reflection (too long is refused) and frees the place', async () => {
    const long = await call('POST', `/api/mentoring/pairs/${pairId}/close`, people.mentee.cookie, {
      reflection: 'x'.repeat(2001),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields.reflection).toBeTruthy();
    const closed = await call('POST', `/api/mentoring/pairs/${pairId}/close`, people.mentee.cookie, {
      reflection: 'I learnt a lot.',
    });
    expect(closed.statusCode).toBe(200);
    const [row] = await db().select().from(mentoringPairs).where(eq(mentoringPairs.id, pairId));
    expect(row).toMatchObject({
      status: 'closed',
      reflection: 'I learnt a lot.',
      closedBy: people.mentee.id,
    });
    const [mentor] = await db()
      .select()
      .from(mentoringOffers)
      .where(eq(mentoringOffers.userId, people.mentorB.id));
    expect(mentor?.activeCount).toBe(0);
    expect(
      (await call('POST', `/api/mentoring/pairs/${pairId}/notes`, people.mentee.cookie, { body: 'late' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await call('POST', `/api/mentoring/pairs/${pairId}/close`, people.mentorB.cookie, {})).statusCode,
    ).toBe(409);
  });

  it('turns the reflection into a draft story only its writer sees, in their own community, until published', async () => {
    const stories = async () => (await db().select().from(valueStories)).length;
    const before = await stories();
    const leader = await person({});
    const theirs = await createTestCommunity(db(), [leader.id], {
      name: 'Assessment circle',
      members: [[people.mentee.id, 'member']],
    });
    const other = await createTestCommunity(db(), [leader.id], { name: 'Not theirs' });
    const seen = (await call('GET', `/api/mentoring/pairs/${pairId}`, people.mentee.cookie)).json().data;
    expect(seen.abilities.tellStory).toBe(true);
    expect(seen.storyCommunities).toEqual([{ slug: theirs.slug, name: 'Assessment circle' }]);
    const mentorView = (await call('GET', `/api/mentoring/pairs/${pairId}`, people.mentorB.cookie)).json()
      .data;
    expect(mentorView).toMatchObject({ abilities: { tellStory: false }, storyCommunities: [] });
    const tell = (cookie: string, body: object) =>
      call('POST', `/api/mentoring/pairs/${pairId}/story`, cookie, body);
    expect((await tell(people.mentorB.cookie, { slug: theirs.slug })).statusCode).toBe(403);
    expect((await tell(people.third.cookie, { slug: theirs.slug })).statusCode).toBe(404);
    expect((await tell(people.mentee.cookie, { slug: other.slug })).statusCode).toBe(403);
    const empty = await tell(people.mentee.cookie, { slug: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields.slug).toBeTruthy();
    expect(await stories()).toBe(before);
    const made = await tell(people.mentee.cookie, { slug: theirs.slug });
    expect(made.statusCode, made.body).toBe(201);
    const storyId = made.json().data.id as string;
    const draft = (await call('GET', `/api/stories/${storyId}`, people.mentee.cookie)).json().data;
    expect(draft).toMatchObject({
      status: 'draft',
      immediate: 'I learnt a lot.',
      title: 'What I learnt mentoring with Bo Other',
      abilities: { publish: true, edit: true },
    });
    // A draft is its author's alone: not the leaders', not in the community's list.
    expect((await call('GET', `/api/stories/${storyId}`, leader.cookie)).statusCode).toBe(404);
    const list = await call('GET', `/api/communities/${theirs.slug}/stories`, leader.cookie);
    expect(list.json().data.map((story: { id: string }) => story.id)).not.toContain(storyId);
    expect((await call('POST', `/api/stories/${storyId}/publish`, leader.cookie)).statusCode).toBe(404);
    expect((await call('POST', `/api/stories/${storyId}/publish`, people.mentee.cookie)).statusCode).toBe(
      200,
    );
    expect((await call('POST', `/api/stories/${storyId}/publish`, people.mentee.cookie)).statusCode).toBe(
      409,
    );
    expect((await call('GET', `/api/stories/${storyId}`, leader.cookie)).json().data.status).toBe(
      'published',
    );
    const recorded = await db()
      .select()
      .from(activityEvents)
      .where(and(eq(activityEvents.kind, 'story.recorded'), eq(activityEvents.subjectId, storyId)));
    expect(recorded).toHaveLength(1);
    // Leaders curate published and hidden stories, never back into a draft.
    expect(
      (await call('PATCH', `/api/stories/${storyId}/curation`, leader.cookie, { status: 'draft' }))
        .statusCode,
    ).toBe(400);
  });

  it('refuses accepting over the cap or lowering the cap below the mentees, writing nothing', async () => {
    const mentor = await person({ unitId: unitTwo, expertise: ['assessment'] });
    await offer('mentor', { skills: ['assessment'], cap: 1 }, mentor.cookie);
    const [first, second] = await Promise.all([person({}), person({})]);
    const ask = async (who: Person) =>
      (await call('POST', '/api/mentoring/pairs', who.cookie, { mentorId: mentor.id })).json().data
        .id as string;
    const firstPair = await ask(first as Person);
    const secondPair = await ask(second as Person);
    expect((await call('POST', `/api/mentoring/pairs/${firstPair}/accept`, mentor.cookie)).statusCode).toBe(
      200,
    );
    const over = await call('POST', `/api/mentoring/pairs/${secondPair}/accept`, mentor.cookie);
    expect(over.statusCode).toBe(409);
    expect(over.json().message).toMatch(/\w/);
    const [waiting] = await db().select().from(mentoringPairs).where(eq(mentoringPairs.id, secondPair));
    expect(waiting).toMatchObject({ status: 'requested', answeredAt: null });
    const started = await db()
      .select()
      .from(activityEvents)
      .where(and(eq(activityEvents.kind, 'mentoring.started'), eq(activityEvents.subjectId, secondPair)));
    expect(started).toEqual([]);
    const told = await db()
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, (second as Person).id), eq(notifications.kind, 'mentoring.pairing')),
      );
    expect(told).toEqual([]);
    // Accepting the accepted one again changes nothing either.
    expect((await call('POST', `/api/mentoring/pairs/${firstPair}/accept`, mentor.cookie)).statusCode).toBe(
      409,
    );
    const [row] = await db().select().from(mentoringOffers).where(eq(mentoringOffers.userId, mentor.id));
    expect(row).toMatchObject({ activeCount: 1, cap: 1 });
    // Nor can the mentor offer fewer places than the mentees they have (still room to decline).
    await offer('mentor', { skills: ['assessment'], cap: 2 }, mentor.cookie);
    expect((await call('POST', `/api/mentoring/pairs/${secondPair}/accept`, mentor.cookie)).statusCode).toBe(
      200,
    );
    const lower = await offer('mentor', { skills: ['assessment'], cap: 1 }, mentor.cookie);
    expect(lower.statusCode).toBe(400);
    expect(lower.json().fields.cap).toBeTruthy();
    const [after] = await db().select().from(mentoringOffers).where(eq(mentoringOffers.userId, mentor.id));
    expect(after).toMatchObject({ activeCount: 2, cap: 2 });
  });

  it('two accepts at the same moment leave the cap respected', async () => {
    const mentor = await person({ unitId: unitTwo, expertise: ['assessment'] });
    await offer('mentor', { skills: ['assessment'], cap: 1 }, mentor.cookie);
    const mentees = await Promise.all([person({}), person({})]);
    const ids: string[] = [];
    for (const mentee of mentees) {
      const asked = await call('POST', '/api/mentoring/pairs', mentee.cookie, { mentorId: mentor.id });
      ids.push(asked.json().data.id);
    }
    const answers = await Promise.all(
      ids.map((id) => call('POST', `/api/mentoring/pairs/${id}/accept`, mentor.cookie)),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const active = await db()
      .select()
      .from(mentoringPairs)
      .where(and(eq(mentoringPairs.mentorId, mentor.id), eq(mentoringPairs.status, 'active')));
    expect(active).toHaveLength(1);
    const [row] = await db().select().from(mentoringOffers).where(eq(mentoringOffers.userId, mentor.id));
    expect(row?.activeCount).toBe(1);
  });
});

describe('permission matrix', () => {
  const actors = [
    'anonymous',
    'member',
    'mentor',
    'mentee',
    'third',
    'coordinator',
    'administrator',
    'suspended',
  ] as const;
  type ActorName = (typeof actors)[number];
  const cookies = {} as Record<ActorName, string | undefined>;
  let pair = '';
  let waiting = '';

  beforeAll(async () => {
    const mentor = await person({ expertise: ['mediation'] });
    const mentee = await person({});
    await offer('mentor', { skills: ['mediation'], cap: 5 }, mentor.cookie);
    const fresh = async () => {
      const m = await person({});
      const asked = await call('POST', '/api/mentoring/pairs', m.cookie, { mentorId: mentor.id });
      return asked.json().data.id as string;
    };
    pair = (await call('POST', '/api/mentoring/pairs', mentee.cookie, { mentorId: mentor.id })).json().data
      .id;
    await call('POST', `/api/mentoring/pairs/${pair}/accept`, mentor.cookie);
    waiting = await fresh();
    const suspended = await createUser(db(), {});
    cookies.suspended = await signInAs(t.app, suspended.email);
    await db().update(users).set({ suspendedAt: new Date() }).where(eq(users.id, suspended.id));
    Object.assign(cookies, {
      anonymous: undefined,
      member: people.third.cookie,
      mentor: mentor.cookie,
      mentee: mentee.cookie,
      third: (await person({})).cookie,
      coordinator: people.coordinator.cookie,
      administrator: people.admin.cookie,
    });
  });

  const out = (actor: ActorName) => actor === 'anonymous' || actor === 'suspended';
  const everyone = (actor: ActorName) => (out(actor) ? 401 : 200);
  const inPair = (then: number) => (actor: ActorName) =>
    out(actor) ? 401 : actor === 'mentor' || actor === 'mentee' ? then : 404;
  const rows: {
    name: string;
    method: 'GET' | 'POST' | 'PUT';
    url: () => string;
    body?: object;
    expected: (a: ActorName) => number;
  }[] = [
    { name: 'skills', method: 'GET', url: () => '/api/mentoring/skills', expected: everyone },
    { name: 'mine', method: 'GET', url: () => '/api/mentoring', expected: everyone },
    { name: 'suggestions', method: 'GET', url: () => '/api/mentoring/suggestions', expected: everyone },
    {
      name: 'pairings',
      method: 'GET',
      url: () => '/api/mentoring/pairings',
      expected: (a) => (out(a) ? 401 : a === 'coordinator' || a === 'administrator' ? 200 : 403),
    },
    {
      name: 'overview',
      method: 'GET',
      url: () => '/api/mentoring/overview',
      expected: (a) => (out(a) ? 401 : a === 'coordinator' || a === 'administrator' ? 200 : 403),
    },
    { name: 'pair', method: 'GET', url: () => `/api/mentoring/pairs/${pair}`, expected: inPair(200) },
    { name: 'notes', method: 'GET', url: () => `/api/mentoring/pairs/${pair}/notes`, expected: inPair(200) },
    {
      name: 'meeting.ics',
      method: 'GET',
      url: () => `/api/mentoring/pairs/${pair}/meeting.ics`,
      expected: inPair(404),
    },
    {
      name: 'add note',
      method: 'POST',
      url: () => `/api/mentoring/pairs/${pair}/notes`,
      body: { body: 'hi' },
      expected: inPair(201),
    },
    {
      name: 'set meeting',
      method: 'PUT',
      url: () => `/api/mentoring/pairs/${pair}/meeting`,
      body: { startsAt: new Date(Date.now() + 86_400_000).toISOString() },
      expected: inPair(200),
    },
    {
      name: 'accept an active pair',
      method: 'POST',
      url: () => `/api/mentoring/pairs/${pair}/accept`,
      expected: (a) => (a === 'mentee' ? 403 : a === 'mentor' ? 409 : inPair(0)(a)),
    },
    {
      name: 'story of an open pair',
      method: 'POST',
      url: () => `/api/mentoring/pairs/${pair}/story`,
      body: { slug: 'any-community' },
      expected: inPair(409),
    },
    {
      name: 'decline a request of another',
      method: 'POST',
      url: () => `/api/mentoring/pairs/${waiting}/decline`,
      expected: (a) => (a === 'mentor' ? 200 : out(a) ? 401 : 404),
    },
  ];

  it('answers every actor as the rules say', async () => {
    const mismatches: string[] = [];
    for (const row of rows)
      for (const actor of actors) {
        const response = await call(row.method, row.url(), cookies[actor], row.body);
        const expected = row.expected(actor);
        if (response.statusCode !== expected)
          mismatches.push(`${row.name} as ${actor}: ${response.statusCode}, expected ${expected}`);
      }
    expect(mismatches).toEqual([]);
  });
});

describe('skill-building sessions (#18 §5)', () => {
  it('tags a meeting when scheduling and by edit, and finds upcoming sessions by skill where the reader may see them', async () => {
    const leader = await person({ expertise: ['assessment'] });
    const learner = await person({ interests: ['assessment'] });
    const open = await createTestCommunity(db(), [leader.id]);
    const hidden = await createTestCommunity(db(), [leader.id], { visibility: 'private' });
    const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const scheduled = await call('POST', `/api/communities/${open.slug}/meetings`, leader.cookie, {
      title: 'Rubrics workshop',
      startsAt: `${day}T10:00`,
      endsAt: `${day}T11:00`,
      timeZone: 'UTC',
      skillSession: true,
      skills: ['Assessment', 'feedback'],
    });
    expect(scheduled.statusCode).toBe(201);
    expect(scheduled.json().data).toMatchObject({ skillSession: true, skills: ['assessment', 'feedback'] });
    const secret = await createTestMeeting(db(), hidden.id);
    const tag = (cookie: string | undefined) =>
      call('PUT', `/api/meetings/${secret.id}/skills`, cookie, {
        skillSession: true,
        skills: ['assessment'],
      });
    expect((await tag(undefined)).statusCode).toBe(401);
    expect((await tag(learner.cookie)).statusCode).toBe(404);
    expect((await tag(leader.cookie)).statusCode).toBe(200);
    expect(
      (
        await call('PUT', `/api/meetings/${secret.id}/skills`, leader.cookie, {
          skillSession: true,
          skills: Array(11).fill('x'),
        })
      ).statusCode,
    ).toBe(400);
    // A session names at least one skill, and only skills someone has as expertise (the picker's).
    const untagged = await call('PUT', `/api/meetings/${secret.id}/skills`, leader.cookie, {
      skillSession: true,
      skills: [],
    });
    expect(untagged.statusCode).toBe(400);
    expect(untagged.json().fields.skills).toContain('at least one skill');
    const madeUp = await call('PUT', `/api/meetings/${secret.id}/skills`, leader.cookie, {
      skillSession: true,
      skills: ['assessment', 'underwater basket weaving'],
    });
    expect(madeUp.statusCode).toBe(400);
    expect(madeUp.json().fields.skills).toContain('underwater basket weaving');
    const refusedSchedule = await call('POST', `/api/communities/${open.slug}/meetings`, leader.cookie, {
      title: 'Made-up session',
      startsAt: `${day}T12:00`,
      endsAt: `${day}T13:00`,
      timeZone: 'UTC',
      skillSession: true,
      skills: ['underwater basket weaving'],
    });
    expect(refusedSchedule.json().fields.skills).toContain('underwater basket weaving');
    const listed = await call('GET', `/api/communities/${open.slug}/meetings`, leader.cookie);
    expect(listed.body).not.toContain('Made-up session');

    const mine = await call('GET', '/api/skill-sessions', learner.cookie);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().data.map((s: { title: string }) => s.title)).toEqual(['Rubrics workshop']);
    const forLeader = await call('GET', '/api/skill-sessions?skill=assessment', leader.cookie);
    expect(forLeader.json().data).toHaveLength(2);
    expect((await call('GET', '/api/skill-sessions')).statusCode).toBe(401);
  });
});
