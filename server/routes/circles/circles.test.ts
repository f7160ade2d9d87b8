import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents, circleMembers, circles, mailMessages } from '../../db/schema/index.ts';
import { sendDigests } from '../../services/digests/send-digests.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs } from '../../test/factories.ts';

/** Peer learning circles (#18 §3): forming, joining, the time box, the size limits and the content. */

let t: TestApp;
let call: ReturnType<typeof requester>;
type Person = Awaited<ReturnType<typeof signedInUser>>;
let leader: Person;
let a: Person;
let b: Person;
let c: Person;
let outsider: Person;
let slug: string;
let communityId: string;
/** Nine more members of the community, for filling a circle. */
const crowd: { id: string; cookie: string }[] = [];

const day = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);
const circleBody = (overrides: object = {}) => ({
  name: 'Feedback that lands',
  purpose: 'Six weeks on giving written feedback students act on.',
  startsOn: isoDay(1),
  endsOn: isoDay(43),
  ...overrides,
});

beforeAll(async () => {
  t = await getTestApp();
  call = requester(t);
  const db = t.database.db;
  [leader, a, b, c, outsider] = (await Promise.all([1, 2, 3, 4, 5].map(() => signedInUser(t.app)))) as [
    Person,
    Person,
    Person,
    Person,
    Person,
  ];
  const more = await Promise.all(Array.from({ length: 9 }, () => createUser(db)));
  for (const user of more) crowd.push({ id: user.id, cookie: await signInAs(t.app, user.email) });
  const community = await createTestCommunity(db, [leader.user.id], {
    members: [a, b, c, outsider]
      .map((p) => [p.user.id, 'member'] as [string, 'member'])
      .concat(more.map((u) => [u.id, 'member'] as [string, 'member'])),
  });
  slug = community.slug;
  communityId = community.id;
});
afterAll(async () => t.close());

async function form(who: Person, overrides: object = {}): Promise<string> {
  const response = await call('POST', `/api/communities/${slug}/circles`, who.cookie, circleBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().data.id as string;
}

describe('forming a circle', () => {
  it('refuses bad input naming the field, writing nothing', async () => {
    const before = (await t.database.db.select().from(circles)).length;
    const fifty = Array.from({ length: 50 }, () => crypto.randomUUID());
    const cases: [object, string][] = [
      [{ endsOn: isoDay(0) }, 'endsOn'],
      [{ endsOn: isoDay(3) }, 'endsOn'],
      [{ endsOn: isoDay(200) }, 'endsOn'],
      [{ inviteeIds: fifty }, 'inviteeIds'],
      [{ inviteeIds: [crypto.randomUUID()] }, 'inviteeIds'],
      [{ startsOn: isoDay(-5), endsOn: isoDay(30) }, 'startsOn'],
      [{ name: '' }, 'name'],
    ];
    for (const [overrides, field] of cases) {
      const response = await call(
        'POST',
        `/api/communities/${slug}/circles`,
        a.cookie,
        circleBody(overrides),
      );
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(response.json().fields).toHaveProperty(field);
    }
    expect((await t.database.db.select().from(circles)).length).toBe(before);
  });

  it('walks a circle from forming to its reflections', async () => {
    const id = await form(a, { open: false, inviteeIds: [b.user.id, c.user.id] });
    // A circle of one cannot start.
    expect((await call('POST', `/api/circles/${id}/start`, a.cookie)).statusCode).toBe(409);
    expect((await call('GET', `/api/circles/${id}`, b.cookie)).json().data.viewerStatus).toBe('invited');
    expect((await call('POST', `/api/circles/${id}/join`, b.cookie)).statusCode).toBe(200);
    expect((await call('POST', `/api/circles/${id}/join`, b.cookie)).statusCode).toBe(409);
    expect((await call('POST', `/api/circles/${id}/join`, outsider.cookie)).statusCode).toBe(404);
    expect((await call('POST', `/api/circles/${id}/start`, a.cookie)).statusCode).toBe(409);
    expect((await call('POST', `/api/circles/${id}/join`, c.cookie)).statusCode).toBe(200);
    expect((await call('POST', `/api/circles/${id}/start`, b.cookie)).statusCode).toBe(200);
    expect(
      (await call('POST', `/api/circles/${id}/posts`, c.cookie, { body: 'Try audio feedback?' })).statusCode,
    ).toBe(201);
    const meeting = {
      title: 'Kick-off',
      startsAt: new Date(Date.now() + 2 * day).toISOString(),
      durationMinutes: 60,
    };
    expect((await call('POST', `/api/circles/${id}/meetings`, a.cookie, meeting)).statusCode).toBe(201);
    // Not after the time box: the circle ends on day 43.
    const late = await call('POST', `/api/circles/${id}/meetings`, a.cookie, {
      ...meeting,
      startsAt: new Date(Date.now() + 60 * day).toISOString(),
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().fields.startsAt).toContain(isoDay(43));
    expect(
      (await call('PUT', `/api/circles/${id}/reflection`, a.cookie, { body: 'Early.' })).statusCode,
    ).toBe(409);
    // Leaders see that it exists and its purpose, not its discussion.
    const seen = (await call('GET', `/api/circles/${id}`, leader.cookie)).json().data;
    expect(seen.purpose).toContain('Six weeks');
    expect([seen.posts, seen.meetings, seen.reflections]).toEqual([null, null, null]);
    expect((await call('POST', `/api/circles/${id}/posts`, leader.cookie, { body: 'Hi' })).statusCode).toBe(
      403,
    );
    expect((await call('POST', `/api/circles/${id}/close`, a.cookie)).statusCode).toBe(200);
    expect((await call('POST', `/api/circles/${id}/posts`, a.cookie, { body: 'Late' })).statusCode).toBe(409);
    expect(
      (await call('PUT', `/api/circles/${id}/reflection`, b.cookie, { body: 'Audio works.' })).statusCode,
    ).toBe(200);
    const page = (await call('GET', `/api/circles/${id}`, c.cookie)).json().data;
    expect(page.state).toBe('closed');
    expect(page.posts.map((p: { body: string }) => p.body)).toEqual(['Try audio feedback?']);
    expect(page.meetings).toHaveLength(1);
    expect(page.reflections.map((r: { body: string }) => r.body)).toEqual(['Audio works.']);
    expect((await call('DELETE', `/api/circles/${id}/membership`, c.cookie)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/circles/${id}/membership`, c.cookie)).statusCode).toBe(404);
    const kinds = await t.database.db
      .select({ kind: activityEvents.kind })
      .from(activityEvents)
      .where(and(eq(activityEvents.communityId, communityId), eq(activityEvents.subjectId, id)));
    expect(kinds.map((k) => k.kind).sort()).toEqual(
      ['circle.joined', 'circle.joined', 'circle.joined', 'circle.left', 'circle.posted'].sort(),
    );
  });

  it('never holds more than eight, however many join at once', async () => {
    const id = await form(a);
    const answers = await Promise.all(crowd.map((p) => call('POST', `/api/circles/${id}/join`, p.cookie)));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 200, 200, 200, 200, 200, 200, 409, 409]);
    const members = await t.database.db.select().from(circleMembers).where(eq(circleMembers.circleId, id));
    expect(members).toHaveLength(8);
    const full = await call('POST', `/api/circles/${id}/invitations`, a.cookie, { userId: b.user.id });
    expect(full.statusCode).toBe(409);
  });

  it('tells the people invited (when formed and later), and no one else', async () => {
    const id = await form(a, { open: false, name: 'Quillword circle', inviteeIds: [b.user.id] });
    expect(
      (await call('POST', `/api/circles/${id}/invitations`, a.cookie, { userId: c.user.id })).statusCode,
    ).toBe(201);
    for (const who of [b, c]) {
      const list = (await call('GET', '/api/notifications', who.cookie)).json().data as {
        kind: string;
        title: string;
        url: string;
      }[];
      const told = list.filter((n) => n.url === `/circles/${id}`);
      expect(told, who.user.email).toHaveLength(1);
      expect(told[0]).toMatchObject({ kind: 'community.invitation' });
      expect(told[0]?.title).toContain('Quillword circle');
    }
    for (const who of [a, leader, outsider])
      expect((await call('GET', '/api/notifications', who.cookie)).body).not.toContain('Quillword');
    const mails = await t.database.db.select().from(mailMessages);
    expect(
      mails
        .filter((m) => m.subject.includes('Quillword'))
        .map((m) => m.toAddress)
        .sort(),
    ).toEqual([b.user.email, c.user.email].sort());
  });

  it('lists open circles to members and invitation-only ones to their people and the leaders', async () => {
    const hidden = await form(b, { open: false, name: 'Quiet circle' });
    const names = async (who: Person) =>
      (await call('GET', `/api/communities/${slug}/circles`, who.cookie))
        .json()
        .data.circles.map((circle: { id: string }) => circle.id);
    expect(await names(outsider)).not.toContain(hidden);
    expect(await names(leader)).toContain(hidden);
    expect(await names(b)).toContain(hidden);
    expect((await call('GET', `/api/circles/${hidden}`, outsider.cookie)).statusCode).toBe(404);
  });
});

describe('a private space', () => {
  it('leaks nothing to non-members through any list, search, feed, calendar or digest', async () => {
    const id = await form(a, { open: false, name: 'Hiddenname circle', inviteeIds: [b.user.id, c.user.id] });
    for (const who of [b, c])
      expect((await call('POST', `/api/circles/${id}/join`, who.cookie)).statusCode).toBe(200);
    const post = { body: 'Zephyrword: our rubric draft is in the shared folder.' };
    expect((await call('POST', `/api/circles/${id}/posts`, b.cookie, post)).statusCode).toBe(201);
    const meeting = {
      title: 'Zephyrword review',
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      durationMinutes: 45,
    };
    expect((await call('POST', `/api/circles/${id}/meetings`, a.cookie, meeting)).statusCode).toBe(201);
    for (const who of [outsider, leader]) {
      expect(
        (await call('PUT', `/api/communities/${slug}/email`, who.cookie, { email: 'daily' })).statusCode,
      ).toBe(200);
    }
    // Something the digests do carry, so that they are sent.
    const thread = { kind: 'discussion', title: 'Open question on rubrics', body: 'Anyone?' };
    expect((await call('POST', `/api/communities/${slug}/threads`, c.cookie, thread)).statusCode).toBe(201);
    const paths = [
      `/api/communities/${slug}`,
      `/api/communities/${slug}/threads`,
      `/api/communities/${slug}/meetings`,
      `/api/communities/${slug}/meetings?when=past`,
      `/api/communities/${slug}/calendar.ics`,
      `/api/communities/${slug}/milestones`,
      '/api/search?q=zephyrword',
      '/api/search?q=hiddenname',
      '/api/home',
      '/api/calendar',
      '/api/calendar/circles',
      '/api/notifications',
    ];
    const feedOf = async (who: Person) => {
      const url = (await call('POST', '/api/calendar/feed', who.cookie)).json().data.url as string;
      return new URL(url).pathname;
    };
    // The circle's members find its meetings in their calendar and their private feed.
    for (const who of [a, b]) {
      const mine = (await call('GET', '/api/calendar/circles', who.cookie)).json().data;
      expect(mine).toContainEqual(
        expect.objectContaining({ title: 'Zephyrword review', circle: { id, name: 'Hiddenname circle' } }),
      );
      const feed = await call('GET', await feedOf(who));
      expect(feed.statusCode).toBe(200);
      const unfolded = feed.body.replace(/\r\n /g, '');
      expect(unfolded).toContain('SUMMARY:Zephyrword review');
      expect(unfolded).toContain(`/circles/${id}`);
    }
    for (const who of [outsider, leader]) {
      const feed = await call('GET', await feedOf(who));
      expect(feed.statusCode).toBe(200);
      expect(feed.body.toLowerCase()).not.toContain('zephyrword');
      expect(feed.body.toLowerCase()).not.toContain('hiddenname');
      for (const path of paths) {
        const response = await call('GET', path, who.cookie);
        expect(response.statusCode, path).toBeLessThan(300);
        expect(response.body.toLowerCase(), path).not.toContain('zephyrword');
        if (who === outsider) expect(response.body.toLowerCase(), path).not.toContain('hiddenname');
      }
    }
    let at = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    while (at.getUTCHours() !== 7) at = new Date(at.getTime() + 3_600_000);
    await sendDigests({ database: t.database, jobs: t.app.deps.jobs }, 'http://copse.test', at);
    const mails = await t.database.db.select().from(mailMessages);
    expect(
      mails.filter((m) => m.toAddress === outsider.user.email && m.textBody.includes('rubrics')),
    ).not.toEqual([]);
    const leaked = mails.filter((m) =>
      `${m.subject} ${m.textBody} ${m.htmlBody}`.toLowerCase().includes('zephyrword'),
    );
    expect(leaked).toEqual([]);
  });
});
