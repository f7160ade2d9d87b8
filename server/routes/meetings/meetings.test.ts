import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingRsvps, meetings, notifications } from '../../db/schema/index.ts';
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

async function meetingCount(communityId: string) {
  const [row] = await db().select({ n: count() }).from(meetings).where(eq(meetings.communityId, communityId));
  return row?.n ?? 0;
}

/** A community led by a signed-in leader, with `memberCount` signed-in members. */
async function communityWithMembers(memberCount: number, overrides = {}) {
  const leader = await signedInUser(t.app);
  const people = await Promise.all(Array.from({ length: memberCount }, () => createUser(db())));
  const community = await createTestCommunity(db(), [leader.user.id], {
    members: people.map((p) => [p.id, 'member'] as [string, 'member']),
    ...overrides,
  });
  const cookies = await Promise.all(people.map((p) => signInAs(t.app, p.email)));
  return { leader, community, members: people.map((user, i) => ({ user, cookie: cookies[i] ?? '' })) };
}

const oneOff = {
  title: 'Marking moderation',
  description: 'Bring **two** scripts.',
  startsAt: '2031-03-04T15:00',
  endsAt: '2031-03-04T16:30',
  timeZone: 'Europe/London',
  room: 'Library 2.04',
  capacity: 12,
};

describe('scheduling', () => {
  it('lets leaders schedule a one-off meeting, shown with its zone, on the home page and directory card', async () => {
    const { leader, community, members } = await communityWithMembers(1);
    const created = await call('POST', `/api/communities/${community.slug}/meetings`, leader.cookie, oneOff);
    expect(created.statusCode, created.body).toBe(201);
    const meeting = created.json().data;
    expect(meeting).toMatchObject({
      title: 'Marking moderation',
      startsAt: '2031-03-04T15:00:00.000Z',
      endsAt: '2031-03-04T16:30:00.000Z',
      timeZone: 'Europe/London',
      capacity: 12,
      status: 'scheduled',
      series: null,
      abilities: { edit: true, rsvp: true },
    });
    expect(meeting.descriptionHtml).toContain('<strong>two</strong>');

    const home = (await call('GET', `/api/communities/${community.slug}`, members[0]?.cookie)).json().data;
    expect(home.upcomingMeetings.map((m: { id: string }) => m.id)).toEqual([meeting.id]);
    expect(home.viewer.canScheduleMeeting).toBe(false);
    const card = (
      await call('GET', `/api/communities?q=${encodeURIComponent(community.name)}`, leader.cookie)
    )
      .json()
      .data.find((c: { id: string }) => c.id === community.id);
    expect(card.nextMeeting).toMatchObject({ id: meeting.id, startsAt: '2031-03-04T15:00:00.000Z' });
  });

  it('lets members schedule only when the leaders allow it; archived communities refuse', async () => {
    const { leader, community, members } = await communityWithMembers(1);
    const member = members[0]?.cookie;
    const refused = await call('POST', `/api/communities/${community.slug}/meetings`, member, oneOff);
    expect(refused.statusCode).toBe(403);
    await call('PATCH', `/api/communities/${community.slug}`, leader.cookie, {
      meetingSchedulers: 'members',
    });
    const allowed = await call('POST', `/api/communities/${community.slug}/meetings`, member, oneOff);
    expect(allowed.statusCode).toBe(201);
    expect(allowed.json().data.abilities.edit).toBe(true);

    await call('POST', `/api/communities/${community.slug}/stage`, leader.cookie, { stage: 'archived' });
    const archived = await call('POST', `/api/communities/${community.slug}/meetings`, leader.cookie, oneOff);
    expect(archived.statusCode).toBe(403);
    expect(archived.json().message).toMatch(/archived/);
  });

  it('refuses bad input field by field, writing nothing', async () => {
    const { leader, community } = await communityWithMembers(0);
    const path = `/api/communities/${community.slug}/meetings`;
    const cases: [Record<string, unknown>, string][] = [
      [{ endsAt: '2031-03-04T14:00' }, 'endsAt'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ rrule: 'FREQ=WEEKLY' }, 'rrule'],
      [{ rrule: 'FREQ=MINUTELY;COUNT=5000' }, 'rrule'],
      [{ rrule: 'FREQ=DAILY;BYHOUR=9,10,11;COUNT=30' }, 'rrule'],
      [{ rrule: 'FREQ=DAILY;UNTIL=20400101T000000Z' }, 'rrule'],
      [{ rrule: 'FREQ=NEVER;COUNT=2' }, 'rrule'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: -3 }, 'capacity'],
      [{ startsAt: '2031-02-30T10:00' }, 'startsAt'],
      [{ onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
      [{ exceptions: ['2031-03-11'] }, 'exceptions'],
    ];
    for (const [change, field] of cases) {
      const response = await call('POST', path, leader.cookie, { ...oneOff, ...change });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(Object.keys(response.json().fields ?? {}), JSON.stringify(change)).toContain(field);
    }
    expect(await meetingCount(community.id)).toBe(0);
  });

  it('expands a monthly series on the nth weekday in wall-clock time, skipping exceptions', async () => {
    const { leader, community } = await communityWithMembers(0);
    const created = await call('POST', `/api/communities/${community.slug}/meetings`, leader.cookie, {
      ...oneOff,
      startsAt: '2030-01-07T15:00',
      endsAt: '2030-01-07T16:00',
      rrule: 'FREQ=MONTHLY;BYDAY=1MO;COUNT=6',
      exceptions: ['2030-02-04'],
    });
    expect(created.statusCode).toBe(201);
    const first = created.json().data;
    expect(first.series).toMatchObject({ position: 1, count: 5, exceptions: ['2030-02-04'] });
    expect(first.series.summary).toMatch(/month/);
    const rows = await db()
      .select({ startsAt: meetings.startsAt })
      .from(meetings)
      .where(eq(meetings.communityId, community.id))
      .orderBy(meetings.startsAt);
    // January–March at 15:00 GMT, April and May at 15:00 BST (14:00 UTC); February skipped.
    expect(rows.map((r) => r.startsAt.toISOString())).toEqual([
      '2030-01-07T15:00:00.000Z',
      '2030-03-04T15:00:00.000Z',
      '2030-04-01T14:00:00.000Z',
      '2030-05-06T14:00:00.000Z',
      '2030-06-03T14:00:00.000Z',
    ]);
  });
});

describe('RSVP and the wait list', () => {
  it('puts people on the wait list at capacity and promotes the first when a place frees up', async () => {
    const { leader, community, members } = await communityWithMembers(3);
    const [a, b, c] = members;
    const meeting = (
      await call('POST', `/api/communities/${community.slug}/meetings`, leader.cookie, {
        ...oneOff,
        capacity: 2,
      })
    ).json().data;
    const rsvp = (cookie: string | undefined, answer: string) =>
      call('PUT', `/api/meetings/${meeting.id}/rsvp`, cookie, { answer });
    expect((await rsvp(a?.cookie, 'going')).json().data).toEqual({ status: 'going', waitlistPosition: null });
    expect((await rsvp(b?.cookie, 'going')).json().data.status).toBe('going');
    expect((await rsvp(c?.cookie, 'going')).json().data).toEqual({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    const seen = (await call('GET', `/api/meetings/${meeting.id}`, c?.cookie)).json().data;
    expect(seen).toMatchObject({
      goingCount: 2,
      waitlistCount: 1,
      myRsvp: 'waitlisted',
      waitlistPosition: 1,
    });

    expect((await rsvp(a?.cookie, 'not_going')).json().data.status).toBe('not_going');
    const after = (await call('GET', `/api/meetings/${meeting.id}`, c?.cookie)).json().data;
    expect(after).toMatchObject({ goingCount: 2, waitlistCount: 0, myRsvp: 'going' });
    const told = await db()
      .select({ title: notifications.title })
      .from(notifications)
      .where(eq(notifications.userId, c?.user.id ?? ''));
    expect(told.map((n) => n.title)).toContain(`A place opened up: you are going to ${oneOff.title}`);

    const list = (await call('GET', `/api/meetings/${meeting.id}/rsvps`, b?.cookie)).json().data;
    expect(list.map((e: { status: string }) => e.status)).toEqual(['going', 'going', 'not_going']);
  });

  it('takes fifty people pressing "going" at once for ten seats one at a time: ten go, forty wait', async () => {
    const { leader, community, members } = await communityWithMembers(50);
    const meeting = (
      await call('POST', `/api/communities/${community.slug}/meetings`, leader.cookie, {
        ...oneOff,
        capacity: 10,
      })
    ).json().data;
    const answers = await Promise.all(
      members.map((m) => call('PUT', `/api/meetings/${meeting.id}/rsvp`, m.cookie, { answer: 'going' })),
    );
    expect(answers.every((r) => r.statusCode === 200)).toBe(true);
    const statuses = answers.map((r) => r.json().data.status);
    expect(statuses.filter((s) => s === 'going')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(40);
    const positions = answers.map((r) => r.json().data.waitlistPosition).filter((p) => p !== null);
    expect(new Set(positions).size).toBe(40);
    const stored = await db()
      .select({ status: meetingRsvps.status, n: count() })
      .from(meetingRsvps)
      .where(eq(meetingRsvps.meetingId, meeting.id))
      .groupBy(meetingRsvps.status);
    expect(Object.fromEntries(stored.map((r) => [r.status, r.n]))).toEqual({ going: 10, waitlisted: 40 });
    const [row] = await db().select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(row).toMatchObject({ goingCount: 10, waitlistCount: 40 });
  });

  it('gives the place of someone who leaves the community to the first person waiting', async () => {
    const { leader, community, members } = await communityWithMembers(2);
    const [a, b] = members;
    const meeting = await createTestMeeting(db(), community.id, { capacity: 1 });
    await call('PUT', `/api/meetings/${meeting.id}/rsvp`, a?.cookie, { answer: 'going' });
    await call('PUT', `/api/meetings/${meeting.id}/rsvp`, b?.cookie, { answer: 'going' });
    expect((await call('POST', `/api/communities/${community.slug}/leave`, a?.cookie)).statusCode).toBe(200);
    const seen = (await call('GET', `/api/meetings/${meeting.id}`, b?.cookie)).json().data;
    expect(seen).toMatchObject({ myRsvp: 'going', goingCount: 1, waitlistCount: 0 });
    await call('DELETE', `/api/communities/${community.slug}/members/${b?.user.id}`, leader.cookie);
    const after = (await call('GET', `/api/meetings/${meeting.id}`, leader.cookie)).json().data;
    expect(after).toMatchObject({ goingCount: 0, waitlistCount: 0 });
  });

  it('refuses answers from non-members, to cancelled meetings and to meetings that have started', async () => {
    const { leader, community, members } = await communityWithMembers(1);
    const member = members[0]?.cookie;
    const stranger = await signedInUser(t.app);
    const upcoming = await createTestMeeting(db(), community.id);
    expect(
      (await call('PUT', `/api/meetings/${upcoming.id}/rsvp`, stranger.cookie, { answer: 'going' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('PUT', `/api/meetings/${upcoming.id}/rsvp`, member, { answer: 'perhaps' })).statusCode,
    ).toBe(400);
    await call('POST', `/api/meetings/${upcoming.id}/cancel`, leader.cookie, { reason: 'Snow' });
    const cancelled = await call('PUT', `/api/meetings/${upcoming.id}/rsvp`, member, { answer: 'going' });
    expect(cancelled.statusCode).toBe(409);
    const past = await createTestMeeting(db(), community.id, { startsInHours: -2 });
    const late = await call('PUT', `/api/meetings/${past.id}/rsvp`, member, { answer: 'going' });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/started/);
  });
});

describe('the follow-up discussion', () => {
  it('starts one thread per meeting in its community, for members; the meeting links to it', async () => {
    const { community, members } = await communityWithMembers(1);
    const stranger = await signedInUser(t.app);
    const meeting = await createTestMeeting(db(), community.id, {
      title: 'Moderation day',
      startsInHours: -2,
    });
    expect((await call('POST', `/api/meetings/${meeting.id}/discussion`, stranger.cookie)).statusCode).toBe(
      403,
    );
    const before = (await call('GET', `/api/meetings/${meeting.id}`, members[0]?.cookie)).json().data;
    expect(before).toMatchObject({ discussionId: null, abilities: { startDiscussion: true } });
    const started = await call('POST', `/api/meetings/${meeting.id}/discussion`, members[0]?.cookie);
    expect(started.statusCode).toBe(201);
    const threadId = started.json().data.id;
    const again = await call('POST', `/api/meetings/${meeting.id}/discussion`, members[0]?.cookie);
    expect(again.statusCode).toBe(200);
    expect(again.json().data.id).toBe(threadId);
    const after = (await call('GET', `/api/meetings/${meeting.id}`, members[0]?.cookie)).json().data;
    expect(after).toMatchObject({ discussionId: threadId, abilities: { startDiscussion: false } });
    const thread = (await call('GET', `/api/threads/${threadId}`, members[0]?.cookie)).json().data;
    expect(thread.title).toBe('Follow-up: Moderation day');
  });
});

describe('changes and cancellations', () => {
  it('edits this and following meetings of a series, splitting it, and tells those who answered', async () => {
    const { leader, community, members } = await communityWithMembers(1);
    const member = members[0];
    const first = (
      await call('POST', `/api/communities/${community.slug}/meetings`, leader.cookie, {
        ...oneOff,
        startsAt: '2030-09-03T15:00',
        endsAt: '2030-09-03T16:00',
        rrule: 'FREQ=WEEKLY;COUNT=4',
      })
    ).json().data;
    const all = await db()
      .select({ id: meetings.id })
      .from(meetings)
      .where(eq(meetings.seriesId, first.series.id))
      .orderBy(meetings.startsAt);
    const third = all[2]?.id ?? '';
    await call('PUT', `/api/meetings/${third}/rsvp`, member?.cookie, { answer: 'going' });

    const moved = await call('PATCH', `/api/meetings/${third}`, leader.cookie, {
      scope: 'following',
      title: 'Moderation (new time)',
      startsAt: '2030-09-17T17:00',
      endsAt: '2030-09-17T18:30',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().data).toMatchObject({
      title: 'Moderation (new time)',
      startsAt: '2030-09-17T16:00:00.000Z',
      series: { position: 1, count: 2 },
    });
    const rows = await db()
      .select({ title: meetings.title, startsAt: meetings.startsAt, seriesId: meetings.seriesId })
      .from(meetings)
      .where(eq(meetings.communityId, community.id))
      .orderBy(meetings.startsAt);
    expect(rows.map((r) => [r.title, r.startsAt.toISOString()])).toEqual([
      ['Marking moderation', '2030-09-03T14:00:00.000Z'],
      ['Marking moderation', '2030-09-10T14:00:00.000Z'],
      ['Moderation (new time)', '2030-09-17T16:00:00.000Z'],
      ['Moderation (new time)', '2030-09-24T16:00:00.000Z'],
    ]);
    expect(rows[0]?.seriesId).toBe(first.series.id);
    expect(rows[2]?.seriesId).not.toBe(first.series.id);
    const told = await db()
      .select({ title: notifications.title })
      .from(notifications)
      .where(eq(notifications.userId, member?.user.id ?? ''));
    expect(told.map((n) => n.title)).toContain(
      'Moderation (new time) and the meetings after it have changed',
    );

    const otherDay = await call('PATCH', `/api/meetings/${third}`, leader.cookie, {
      scope: 'following',
      startsAt: '2030-09-18T17:00',
      endsAt: '2030-09-18T18:00',
    });
    expect(otherDay.statusCode).toBe(400);
    expect(otherDay.json().fields).toHaveProperty('startsAt');

    const one = await call('PATCH', `/api/meetings/${all[0]?.id}`, leader.cookie, {
      scope: 'this',
      room: 'Hall',
    });
    expect(one.json().data.room).toBe('Hall');
    const second = (await call('GET', `/api/meetings/${all[1]?.id}`, leader.cookie)).json().data;
    expect(second.room).toBe('Library 2.04');
  });

  it('cancels a meeting, which stays listed as cancelled; only leaders and the scheduler may', async () => {
    const { leader, community, members } = await communityWithMembers(1);
    const meeting = await createTestMeeting(db(), community.id);
    const member = members[0]?.cookie;
    expect((await call('POST', `/api/meetings/${meeting.id}/cancel`, member, {})).statusCode).toBe(403);
    const cancelled = await call('POST', `/api/meetings/${meeting.id}/cancel`, leader.cookie, {
      reason: 'Strike',
    });
    expect(cancelled.json().data).toMatchObject({ status: 'cancelled', cancelReason: 'Strike' });
    const listed = (await call('GET', `/api/communities/${community.slug}/meetings`, member)).json().data;
    expect(listed.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
      [meeting.id, 'cancelled'],
    ]);
    expect((await call('POST', `/api/meetings/${meeting.id}/cancel`, leader.cookie, {})).statusCode).toBe(
      409,
    );
  });
});
