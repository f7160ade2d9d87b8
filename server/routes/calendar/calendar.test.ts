import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingReminders, meetings, notifications, users } from '../../db/schema/index.ts';
import { sendDueReminders } from '../../services/meetings/send-reminders.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs } from '../../test/factories.ts';
import { recordingJobs } from '../../test/jobs.ts';
import { createTestMeeting } from '../../test/meetings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;

/** Parses an iCalendar text with ical.js (Mozilla's parser, independent of the generator we use). */
function parseCalendar(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  for (const zone of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return component;
}

/** The start instants of a recurring VEVENT with its overrides, as calendars expand it. */
function expandSeries(calendar: ICAL.Component, uid: string): { start: string; status: string }[] {
  const events = calendar.getAllSubcomponents('vevent').filter((e) => e.getFirstPropertyValue('uid') === uid);
  const master = events.find((e) => !e.hasProperty('recurrence-id'));
  if (!master) return [];
  const event = new ICAL.Event(master, { strictExceptions: true });
  for (const override of events.filter((e) => e.hasProperty('recurrence-id'))) {
    event.relateException(new ICAL.Event(override));
  }
  const out: { start: string; status: string }[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next && out.length < 50; next = iterator.next()) {
    const details = event.getOccurrenceDetails(next);
    out.push({
      start: details.startDate.toJSDate().toISOString(),
      status: String(details.item.component.getFirstPropertyValue('status') ?? ''),
    });
  }
  return out;
}

async function leaderAndCommunity(overrides = {}) {
  const leader = await signedInUser(t.app);
  const member = await createUser(db());
  const community = await createTestCommunity(db(), [leader.user.id], {
    members: [[member.id, 'member']],
    ...overrides,
  });
  return { leader, member: { user: member, cookie: await signInAs(t.app, member.email) }, community };
}

describe('iCalendar', () => {
  it('writes a series with its zone, exceptions, an edited and a cancelled occurrence, read back by ical.js', async () => {
    const { leader, community } = await leaderAndCommunity({ visibility: 'public' });
    const first = (
      await call('POST', `/api/communities/${community.slug}/meetings`, leader.cookie, {
        title: 'Reading group',
        startsAt: '2030-10-01T18:00',
        endsAt: '2030-10-01T19:00',
        timeZone: 'America/New_York',
        rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4',
        exceptions: ['2030-10-15'],
        onlineUrl: 'https://meet.example.test/reading',
      })
    ).json().data;
    const rows = await db()
      .select({ id: meetings.id })
      .from(meetings)
      .where(eq(meetings.seriesId, first.series.id))
      .orderBy(meetings.startsAt);
    await call('PATCH', `/api/meetings/${rows[1]?.id}`, leader.cookie, {
      title: 'Reading group (guest author)',
    });
    await call('POST', `/api/meetings/${rows[2]?.id}/cancel`, leader.cookie, { reason: 'Holiday' });

    const feed = await call('GET', `/api/communities/${community.slug}/calendar.ics`);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = parseCalendar(feed.body);
    expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual([
      'America/New_York',
    ]);
    const master = calendar.getAllSubcomponents('vevent').find((e) => !e.hasProperty('recurrence-id'));
    const uid = String(master?.getFirstPropertyValue('uid'));
    // 18:00 in New York: EDT (22:00 UTC) in October, EST (23:00 UTC) after 3 November. COUNT=4
    // counts the skipped 15 October, as RFC 5545 says, so three remain.
    expect(expandSeries(calendar, uid)).toEqual([
      { start: '2030-10-01T22:00:00.000Z', status: 'CONFIRMED' },
      { start: '2030-10-29T22:00:00.000Z', status: 'CONFIRMED' },
      { start: '2030-11-12T23:00:00.000Z', status: 'CANCELLED' },
    ]);
    const titles = calendar
      .getAllSubcomponents('vevent')
      .map((e) => String(e.getFirstPropertyValue('summary')));
    expect(titles).toContain('Reading group (guest author)');

    // One meeting's file (from any of its occurrences) is its whole series, with the feed's UIDs, so a
    // calendar that has both shows each meeting once; it names no calendar, so apps import the events
    // rather than offer a new calendar.
    for (const id of [first.id, rows[1]?.id]) {
      const single = await call('GET', `/api/meetings/${id}/ics`);
      expect(single.headers['content-disposition']).toMatch(/^attachment/);
      const file = parseCalendar(single.body);
      expect(file.getFirstPropertyValue('method')).toBe('PUBLISH');
      for (const header of ['x-wr-calname', 'refresh-interval', 'x-published-ttl']) {
        expect(file.hasProperty(header)).toBe(false);
      }
      const events = file.getAllSubcomponents('vevent');
      const singleMaster = events.find((e) => !e.hasProperty('recurrence-id'));
      expect(String(singleMaster?.getFirstPropertyValue('rrule'))).toContain('FREQ=WEEKLY');
      expect(singleMaster?.getFirstProperty('exdate')?.toJSON()).toEqual([
        'exdate',
        { tzid: 'America/New_York' },
        'date-time',
        '2030-10-15T18:00:00',
      ]);
      expect(new Set(events.map((e) => e.getFirstPropertyValue('uid')))).toEqual(new Set([uid]));
      expect(expandSeries(file, uid)).toEqual(expandSeries(calendar, uid));
      const event = new ICAL.Event(singleMaster);
      expect(event.startDate.toJSDate().toISOString()).toBe('2030-10-01T22:00:00.000Z');
      expect(event.startDate.zone.tzid).toBe('America/New_York');
      expect(event.location).toContain('https://meet.example.test/reading');
    }
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(`${community.name} (Copse)`);
  });

  it('writes a lone meeting with the feed’s UID, and descriptions as plain text', async () => {
    const { leader, community } = await leaderAndCommunity({ visibility: 'public' });
    const meeting = (
      await call('POST', `/api/communities/${community.slug}/meetings`, leader.cookie, {
        title: 'Assessment clinic',
        startsAt: '2030-10-02T10:00',
        endsAt: '2030-10-02T11:00',
        timeZone: 'Europe/London',
        description: 'Bring **one** rubric and read [the guide](https://example.test/guide).',
        agenda: '## Plan\n\n- Warm-up\n- *Swap* rubrics\n\n> Be kind.',
      })
    ).json().data;
    const feed = parseCalendar((await call('GET', `/api/communities/${community.slug}/calendar.ics`)).body);
    const single = parseCalendar((await call('GET', `/api/meetings/${meeting.id}/ics`)).body);
    const [fromFeed] = feed.getAllSubcomponents('vevent');
    const [fromFile, extra] = single.getAllSubcomponents('vevent');
    expect(extra).toBeUndefined();
    expect(fromFile?.hasProperty('rrule')).toBe(false);
    expect(fromFile?.getFirstPropertyValue('uid')).toBe(fromFeed?.getFirstPropertyValue('uid'));
    for (const event of [fromFeed, fromFile]) {
      const description = String(event?.getFirstPropertyValue('description'));
      expect(description).toMatch(
        /^Bring one rubric and read the guide \(https:\/\/example\.test\/guide\)\.\n\nAgenda:\nPlan\n\n• Warm-up\n• Swap rubrics\n\nBe kind\.\n\n/,
      );
      expect(description).not.toMatch(/[*#>[\]]/);
    }
  });

  it('gives each member a private, revocable feed of their communities with their answers', async () => {
    const { leader, member, community } = await leaderAndCommunity({ visibility: 'private' });
    const meeting = await createTestMeeting(db(), community.id, { title: 'Private planning' });
    await call('PUT', `/api/meetings/${meeting.id}/rsvp`, member.cookie, { answer: 'maybe' });
    expect((await call('GET', '/api/calendar/feed', member.cookie)).json().data.url).toBeNull();
    const url = (await call('POST', '/api/calendar/feed', member.cookie)).json().data.url as string;
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/feeds\/[\w-]{40,}\.ics$/);
    const path = new URL(url).pathname;
    const feed = await call('GET', path);
    expect(feed.statusCode).toBe(200);
    const summaries = parseCalendar(feed.body)
      .getAllSubcomponents('vevent')
      .map((e) => e.getFirstPropertyValue('summary'));
    expect(summaries).toEqual(['Maybe: Private planning']);
    // The community's own feed of a private community takes the member's token.
    const token = path.split('/').at(-1)?.replace('.ics', '');
    expect((await call('GET', `/api/communities/${community.slug}/calendar.ics`)).statusCode).toBe(404);
    expect(
      (await call('GET', `/api/communities/${community.slug}/calendar.ics?token=${token}`)).statusCode,
    ).toBe(200);

    const renewed = (await call('POST', '/api/calendar/feed', member.cookie)).json().data.url as string;
    expect(renewed).not.toBe(url);
    expect((await call('GET', path)).statusCode).toBe(404);
    await call('DELETE', '/api/calendar/feed', member.cookie);
    expect((await call('GET', new URL(renewed).pathname)).statusCode).toBe(404);
    expect((await call('GET', '/api/calendar/feeds/not-a-token.ics')).statusCode).toBe(400);
    expect(leader.user.id).not.toBe(member.user.id);
  });

  it('writes Copse’s own words in the feed owner’s language, and an anonymous download in the request’s', async () => {
    const { member, community } = await leaderAndCommunity({ visibility: 'public', name: 'Didactiek' });
    await db().update(users).set({ language: 'nl' }).where(eq(users.id, member.user.id));
    const meeting = await createTestMeeting(db(), community.id, {
      title: 'Rubric swap',
      description: 'Bring one rubric.',
      onlineUrl: 'https://meet.example.test/rubric',
    });
    await call('PUT', `/api/meetings/${meeting.id}/rsvp`, member.cookie, { answer: 'maybe' });
    const url = (await call('POST', '/api/calendar/feed', member.cookie)).json().data.url as string;
    const feed = (await call('GET', new URL(url).pathname)).body;
    const calendar = parseCalendar(feed);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(`Copse: ${member.user.displayName}`);
    const [event] = calendar.getAllSubcomponents('vevent');
    // The title and description the people wrote stay; the answer and Copse's lines are Dutch.
    expect(event?.getFirstPropertyValue('summary')).toBe('Misschien: Rubric swap');
    const description = String(event?.getFirstPropertyValue('description'));
    expect(description).toContain('Bring one rubric.');
    expect(description).toContain('Online deelnemen: https://meet.example.test/rubric');
    expect(description).toContain(`Didactiek op Copse: http://localhost:3000/meetings/${meeting.id}`);

    const italian = await t.app.inject({
      method: 'GET',
      url: `/api/meetings/${meeting.id}/ics`,
      headers: { 'accept-language': 'it' },
    });
    const [single] = parseCalendar(italian.body).getAllSubcomponents('vevent');
    expect(String(single?.getFirstPropertyValue('description'))).toContain(
      'Partecipa online: https://meet.example.test/rubric',
    );
    const english = parseCalendar(
      (await call('GET', `/api/communities/${community.slug}/calendar.ics`)).body,
    );
    expect(english.getFirstPropertyValue('x-wr-calname')).toBe('Didactiek (Copse)');
    const [anonymous] = english.getAllSubcomponents('vevent');
    expect(String(anonymous?.getFirstPropertyValue('description'))).toContain(
      'Join online: https://meet.example.test/rubric',
    );
  });
});

describe('the calendar page', () => {
  it('lists upcoming meetings across communities soonest first, pages, and shows past attendance', async () => {
    const { leader, member, community } = await leaderAndCommunity();
    const other = await createTestCommunity(db(), [leader.user.id], {
      members: [[member.user.id, 'member']],
    });
    const unrelated = await createTestCommunity(db(), [leader.user.id]);
    const soon = await createTestMeeting(db(), community.id, { startsInHours: 2, title: 'Soon' });
    const later = await createTestMeeting(db(), other.id, { startsInHours: 30, title: 'Later' });
    await createTestMeeting(db(), unrelated.id, { startsInHours: 5, title: 'Not mine' });
    const past = await createTestMeeting(db(), community.id, { startsInHours: -5, title: 'Past' });

    const page1 = (await call('GET', '/api/calendar?limit=1', member.cookie)).json();
    expect(page1.data.map((m: { title: string }) => m.title)).toEqual(['Soon']);
    const page2 = (
      await call('GET', `/api/calendar?limit=1&cursor=${page1.nextCursor}`, member.cookie)
    ).json();
    expect(page2.data.map((m: { id: string }) => m.id)).toEqual([later.id]);
    expect(soon.id).not.toBe(later.id);

    await call('PUT', `/api/meetings/${past.id}/attendance`, leader.cookie, { userIds: [member.user.id] });
    const pastPage = (await call('GET', '/api/calendar?when=past', member.cookie)).json().data;
    expect(pastPage.map((m: { id: string; attended: boolean | null }) => [m.id, m.attended])).toEqual([
      [past.id, true],
    ]);
    expect((await call('GET', '/api/calendar')).statusCode).toBe(401);
  });
});

describe('roles, attendance and follow-up', () => {
  it('lets members volunteer, leaders assign, suggests who has not had a turn, and lets the host record', async () => {
    const { leader, member, community } = await leaderAndCommunity();
    const second = await createUser(db(), { displayName: 'Aaron Second' });
    await call('POST', `/api/communities/${community.slug}/activity-roles`, leader.cookie, {
      name: 'Timekeeper',
    });
    const duplicate = await call('POST', `/api/communities/${community.slug}/activity-roles`, leader.cookie, {
      name: 'host',
    });
    expect(duplicate.statusCode).toBe(409);
    const earlier = await createTestMeeting(db(), community.id, { startsInHours: -48 });
    await call('PUT', `/api/meetings/${earlier.id}/roles`, member.cookie, {
      role: 'note-taker',
      userId: member.user.id,
    });
    const upcoming = await createTestMeeting(db(), community.id, { startsInHours: 1 });
    const stranger = await createUser(db());
    const toStranger = await call('PUT', `/api/meetings/${upcoming.id}/roles`, leader.cookie, {
      role: 'Host',
      userId: stranger.id,
    });
    expect(toStranger.statusCode).toBe(400);
    expect(toStranger.json().fields).toHaveProperty('userId');
    const unknown = await call('PUT', `/api/meetings/${upcoming.id}/roles`, leader.cookie, {
      role: 'Juggler',
      userId: member.user.id,
    });
    expect(unknown.json().fields).toHaveProperty('role');
    const byMemberForOther = await call('PUT', `/api/meetings/${upcoming.id}/roles`, member.cookie, {
      role: 'Host',
      userId: leader.user.id,
    });
    expect(byMemberForOther.statusCode).toBe(403);

    const suggestions = (
      await call('GET', `/api/meetings/${upcoming.id}/role-suggestions`, member.cookie)
    ).json().data;
    const noteTakers = suggestions.find((s: { role: string }) => s.role === 'Note-taker');
    // The member took notes last time: the others come first.
    expect(noteTakers.people.at(-1)).toMatchObject({ id: member.user.id });
    expect(noteTakers.people[0].lastTakenAt).toBeNull();
    expect(suggestions.map((s: { role: string }) => s.role)).toEqual([
      'Facilitator',
      'Note-taker',
      'Host',
      'Timekeeper',
    ]);
    expect(second.id).toBeTruthy();

    // The member hosts; once the meeting has started, the host records it.
    const hosted = await call('PUT', `/api/meetings/${upcoming.id}/roles`, leader.cookie, {
      role: 'host',
      userId: member.user.id,
    });
    expect(hosted.json().data.roles).toEqual([
      expect.objectContaining({ role: 'Host', person: expect.objectContaining({ id: member.user.id }) }),
    ]);
    const tooEarly = await call('PUT', `/api/meetings/${upcoming.id}/attendance`, member.cookie, {
      userIds: [],
    });
    expect(tooEarly.statusCode).toBe(409);
    await db()
      .update(meetings)
      .set({ startsAt: new Date(Date.now() - 60_000) })
      .where(eq(meetings.id, upcoming.id));
    const withStranger = await call('PUT', `/api/meetings/${upcoming.id}/attendance`, member.cookie, {
      userIds: [member.user.id, stranger.id],
    });
    expect(withStranger.statusCode).toBe(400);
    expect(withStranger.json().fields).toEqual({ 'userIds.1': 'Not a member of this community.' });
    const taken = await call('PUT', `/api/meetings/${upcoming.id}/attendance`, member.cookie, {
      userIds: [member.user.id, leader.user.id],
    });
    expect(taken.statusCode).toBe(200);
    expect(taken.json().data.attendance).toHaveLength(2);
    const followUp = await call('PUT', `/api/meetings/${upcoming.id}/follow-up`, member.cookie, {
      notes: 'We agreed a **rubric**.',
      recordingUrl: 'https://video.example.test/42',
      actions: [{ text: 'Share the rubric', assigneeId: leader.user.id }],
    });
    expect(followUp.json().data).toMatchObject({
      notesHtml: expect.stringContaining('<strong>rubric</strong>'),
      recordingUrl: 'https://video.example.test/42',
      actions: [expect.objectContaining({ text: 'Share the rubric', done: false })],
    });
  });
});

describe('reminders', () => {
  it('sends a day and an hour before, once each, as people choose, never for cancelled meetings', async () => {
    const { leader, member, community } = await leaderAndCommunity();
    const quiet = await createUser(db());
    await db().update(users).set({ remindDayBefore: false }).where(eq(users.id, quiet.id));
    const quietCookie = await signInAs(t.app, quiet.email);
    await call('POST', `/api/communities/${community.slug}/join`, quietCookie, {});
    const tomorrow = await createTestMeeting(db(), community.id, {
      startsInHours: 20,
      title: 'Tomorrow talk',
    });
    const inAnHour = await createTestMeeting(db(), community.id, { startsInHours: 0.5, title: 'Hour talk' });
    const cancelled = await createTestMeeting(db(), community.id, { startsInHours: 0.5, title: 'Gone' });
    for (const m of [tomorrow, inAnHour, cancelled]) {
      for (const cookie of [member.cookie, quietCookie]) {
        await call('PUT', `/api/meetings/${m.id}/rsvp`, cookie, { answer: 'going' });
      }
    }
    await call('POST', `/api/meetings/${cancelled.id}/cancel`, leader.cookie, {});

    // The reminders' emails reach the job queue in one batch, after the commit.
    const jobs = recordingJobs();
    const deps = { database: t.database, jobs };
    expect(await sendDueReminders(deps, 'http://localhost:3000')).toBeGreaterThan(0);
    expect(jobs.emailBatches).toHaveLength(1);
    expect(jobs.emailBatches[0]?.length).toBeGreaterThan(0);
    expect(await sendDueReminders(deps, 'http://localhost:3000')).toBe(0);
    expect(jobs.emailBatches).toHaveLength(1);
    const titles = async (userId: string) =>
      (
        await db()
          .select({ title: notifications.title })
          .from(notifications)
          .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'meeting.reminder')))
      )
        .map((n) => n.title)
        .sort();
    expect(await titles(member.user.id)).toEqual(['In an hour: Hour talk', 'Tomorrow: Tomorrow talk']);
    expect(await titles(quiet.id)).toEqual(['In an hour: Hour talk']);
    const claimed = await db()
      .select()
      .from(meetingReminders)
      .where(eq(meetingReminders.meetingId, cancelled.id));
    expect(claimed).toEqual([]);
  });
});
