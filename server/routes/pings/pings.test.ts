import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activityEvents,
  mailMessages,
  notifications,
  pingAnonymousAnswers,
  pingAnswerLinks,
  pingAnswers,
  pingRecipients,
  pings,
} from '../../db/schema/index.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;

/** A community with a signed-in leader, `n` signed-in members and a guest (not in a `member` audience). */
async function setting(n = 3) {
  const leader = await signedInUser(t.app);
  const people = await Promise.all(Array.from({ length: n + 1 }, () => createUser(db())));
  const guest = people.pop();
  if (!guest) throw new Error('no people');
  const community = await createTestCommunity(db(), [leader.user.id], {
    members: [...people.map((p) => [p.id, 'member'] as [string, 'member']), [guest.id, 'guest']],
  });
  const members = await Promise.all(
    people.map(async (user) => ({ user, cookie: await signInAs(t.app, user.email) })),
  );
  return {
    leader,
    community,
    members,
    guest: { user: guest, cookie: await signInAs(t.app, guest.email) },
  };
}

const choicePing = {
  question: 'Which evening suits you for the next meeting?',
  kind: 'choice',
  choices: ['Monday', 'Wednesday', 'Thursday'],
  audience: 'all',
  windowHours: 48,
  resultsVisibility: 'live',
  anonymous: false,
};

async function send(slug: string, cookie: string, body: object = {}) {
  const response = await call('POST', `/api/communities/${slug}/pings`, cookie, { ...choicePing, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().data.id as string;
}

async function countRows(table: typeof pings | typeof pingRecipients | typeof pingAnswerLinks) {
  const [row] = await db().select({ n: count() }).from(table);
  return row?.n ?? 0;
}

describe('sending and answering a Ping', () => {
  it('goes to the audience with a notification and an email with answer links; answers count and change', async () => {
    const { leader, community, members, guest } = await setting(3);
    const [a, b, c] = members;
    if (!a || !b || !c) throw new Error('no members');
    const id = await send(community.slug, leader.cookie, { audience: 'role', role: 'member' });

    // Three members got it, not the guest (another role), not the sender.
    const ping = await call('GET', `/api/pings/${id}`, leader.cookie);
    expect(ping.json().data).toMatchObject({ recipientCount: 3, answerCount: 0, open: true });
    expect((await call('GET', `/api/pings/${id}`, guest.cookie)).statusCode).toBe(404);
    const notes = await db().select().from(notifications).where(eq(notifications.kind, 'community.ping'));
    expect(notes.map((n) => n.userId).sort()).toEqual([a.user.id, b.user.id, c.user.id].sort());
    const [mail] = await db().select().from(mailMessages).where(eq(mailMessages.toAddress, a.user.email));
    expect(mail?.textBody).toContain('Which evening suits you');
    expect(mail?.textBody.match(/\/pings\/answer\/[A-Za-z0-9_-]+/g)).toHaveLength(3);
    // Like every notification email: a way to stop Ping emails in one click.
    expect(mail?.headers).toHaveProperty('List-Unsubscribe');
    expect(mail?.textBody).toContain('/unsubscribe/');

    // On the member's home: their open Pings in all communities; not the guest's.
    const home = (await call('GET', '/api/pings', a.cookie)).json().data;
    expect(home).toEqual([
      expect.objectContaining({
        id,
        answered: false,
        community: { slug: community.slug, name: community.name },
      }),
    ]);
    expect((await call('GET', '/api/pings', guest.cookie)).json().data).toEqual([]);
    expect((await call('GET', '/api/pings')).statusCode).toBe(401);

    // The member sees it among their open Pings, answers, and changes the answer.
    const list = await call('GET', `/api/communities/${community.slug}/pings`, a.cookie);
    expect(list.json().data.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await call('PUT', `/api/pings/${id}/answer`, a.cookie, { choice: 0 })).statusCode).toBe(200);
    expect((await call('PUT', `/api/pings/${id}/answer`, a.cookie, { choice: 2 })).statusCode).toBe(200);
    expect((await call('PUT', `/api/pings/${id}/answer`, b.cookie, { choice: 2 })).statusCode).toBe(200);
    const mine = (await call('GET', `/api/pings/${id}`, a.cookie)).json().data;
    expect(mine).toMatchObject({ answered: true, yourAnswer: { choice: 2, text: null } });

    // Live results after answering, with the response rate; not before answering.
    const results = (await call('GET', `/api/pings/${id}/results`, a.cookie)).json().data;
    expect(results).toMatchObject({ recipientCount: 3, answerCount: 2, shown: true });
    expect(results.responseRate).toBeCloseTo(2 / 3);
    expect(results.choices).toEqual([
      { choice: 'Monday', count: 0 },
      { choice: 'Wednesday', count: 0 },
      { choice: 'Thursday', count: 2 },
    ]);
    expect((await call('GET', `/api/pings/${id}/results`, c.cookie)).json().data.shown).toBe(false);

    // The leader's list has the response rate; the CSV names who answered what.
    const leaders = (await call('GET', `/api/communities/${community.slug}/pings`, leader.cookie)).json()
      .data;
    expect(leaders[0]).toMatchObject({ id, recipientCount: 3, answerCount: 2 });
    const csv = await call('GET', `/api/pings/${id}/csv`, leader.cookie);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(a.user.displayName);
    expect(csv.body).toContain('Thursday');

    // The event log has each answer with its person.
    const events = await db().select().from(activityEvents).where(eq(activityEvents.subjectId, id));
    expect(events.filter((e) => e.actorId === a.user.id && e.kind === 'ping.answered')).toHaveLength(2);
  });

  it('takes text answers, hides results until closing when asked, closes early and extends', async () => {
    const { leader, community, members } = await setting(2);
    const [a, b] = members;
    if (!a || !b) throw new Error('no members');
    const id = await send(community.slug, leader.cookie, {
      kind: 'text',
      choices: [],
      question: 'What should we read next?',
      resultsVisibility: 'after_close',
    });
    expect(
      (await call('PUT', `/api/pings/${id}/answer`, a.cookie, { text: 'Wenger, 1998' })).statusCode,
    ).toBe(200);
    expect((await call('GET', `/api/pings/${id}/results`, a.cookie)).json().data.shown).toBe(false);
    // Extending: later, but never past 14 days from opening.
    const opened = (await call('GET', `/api/pings/${id}`, leader.cookie)).json().data;
    const later = new Date(Date.parse(opened.closesAt) + 3_600_000).toISOString();
    expect(
      (await call('POST', `/api/pings/${id}/extend`, leader.cookie, { closesAt: later })).statusCode,
    ).toBe(200);
    expect((await call('GET', `/api/pings/${id}`, leader.cookie)).json().data.closesAt).toBe(later);
    const tooLate = new Date(Date.parse(opened.opensAt) + 15 * 86_400_000).toISOString();
    const refused = await call('POST', `/api/pings/${id}/extend`, leader.cookie, { closesAt: tooLate });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toHaveProperty('closesAt');
    const earlier = await call('POST', `/api/pings/${id}/extend`, leader.cookie, {
      closesAt: opened.opensAt,
    });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().fields).toHaveProperty('closesAt');

    expect((await call('POST', `/api/pings/${id}/close`, leader.cookie)).statusCode).toBe(200);
    expect((await call('POST', `/api/pings/${id}/close`, leader.cookie)).statusCode).toBe(409);
    const late = await call('PUT', `/api/pings/${id}/answer`, b.cookie, { text: 'Too late' });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/closed/);
    const results = (await call('GET', `/api/pings/${id}/results`, a.cookie)).json().data;
    expect(results).toMatchObject({ shown: true, texts: ['Wenger, 1998'], answerCount: 1 });
    // Closed: no longer among the member's open Pings.
    expect((await call('GET', `/api/communities/${community.slug}/pings`, b.cookie)).json().data).toEqual([]);
    expect((await call('GET', '/api/pings', b.cookie)).json().data).toEqual([]);
  });

  it('reaches the last meeting’s attendees and the members inactive for 60 days', async () => {
    const { leader, community, members, guest } = await setting(3);
    const [a, b, c] = members;
    if (!a || !b || !c) throw new Error('no members');
    // Nobody attended a meeting yet: the audience is empty, refused naming the field, nothing written.
    const before = await countRows(pings);
    const empty = await call('POST', `/api/communities/${community.slug}/pings`, leader.cookie, {
      ...choicePing,
      audience: 'attended_last_meeting',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields).toHaveProperty('audience');
    expect(await countRows(pings)).toBe(before);

    const { createTestMeeting } = await import('../../test/meetings.ts');
    const older = await createTestMeeting(db(), community.id, { startsInHours: -200 });
    const last = await createTestMeeting(db(), community.id, { startsInHours: -2 });
    const take = (meetingId: string, userIds: string[]) =>
      call('PUT', `/api/meetings/${meetingId}/attendance`, leader.cookie, { userIds });
    expect((await take(older.id, [a.user.id, b.user.id])).statusCode).toBeLessThan(300);
    expect((await take(last.id, [c.user.id])).statusCode).toBeLessThan(300);
    const attended = await send(community.slug, leader.cookie, { audience: 'attended_last_meeting' });
    const recipients = await db().select().from(pingRecipients).where(eq(pingRecipients.pingId, attended));
    expect(recipients.map((r) => r.userId)).toEqual([c.user.id]);

    // Everyone joined 90 days ago; a answered an RSVP just now (an event), so is active.
    await db().execute(sql`update community_members set joined_at = now() - interval '90 days'
      where community_id = ${community.id}`);
    await db().execute(sql`delete from activity_events where community_id = ${community.id}`);
    await db().insert(activityEvents).values({
      communityId: community.id,
      actorId: a.user.id,
      kind: 'reply.posted',
      subjectType: 'post',
    });
    const inactive = await send(community.slug, leader.cookie, { audience: 'inactive_60_days' });
    const quiet = await db().select().from(pingRecipients).where(eq(pingRecipients.pingId, inactive));
    expect(quiet.map((r) => r.userId).sort()).toEqual([b.user.id, c.user.id, guest.user.id].sort());
  });
});

describe('who may send', () => {
  it('tells the web app that leaders send Pings and members do not (the community home’s viewer)', async () => {
    const { leader, community, members } = await setting(1);
    const home = async (cookie: string) =>
      (await call('GET', `/api/communities/${community.slug}`, cookie)).json().data.viewer;
    expect(await home(leader.cookie)).toMatchObject({ role: 'leader', canSendPing: true });
    expect(await home(members[0]?.cookie ?? '')).toMatchObject({ role: 'member', canSendPing: false });
  });
});

describe('the discussion of the results', () => {
  it('is one thread, started by the first who asks, linked from the Ping', async () => {
    const { leader, community, members } = await setting(2);
    const id = await send(community.slug, leader.cookie);
    const before = (await call('GET', `/api/pings/${id}`, members[0]?.cookie)).json().data;
    expect(before).toMatchObject({ threadId: null, abilities: { discuss: true } });

    const [first, second] = await Promise.all([
      call('POST', `/api/pings/${id}/thread`, members[0]?.cookie),
      call('POST', `/api/pings/${id}/thread`, leader.cookie),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode, second.body).toBe(200);
    const threadId = first.json().data.id as string;
    expect(second.json().data.id).toBe(threadId);
    expect((await call('GET', `/api/pings/${id}`, leader.cookie)).json().data.threadId).toBe(threadId);

    const thread = (await call('GET', `/api/threads/${threadId}`, members[1]?.cookie)).json().data;
    expect(thread.title).toBe(`Ping: ${choicePing.question}`);
    expect(thread.bodyHtml).toContain(`/pings/${id}`);

    // Someone the Ping was not sent to, outside the community, cannot see it or start it.
    const outsider = await signedInUser(t.app);
    expect((await call('POST', `/api/pings/${id}/thread`, outsider.cookie)).statusCode).toBe(404);
    expect((await call('POST', `/api/pings/${id}/thread`)).statusCode).toBe(401);
    expect((await call('POST', '/api/pings/not-an-id/thread', leader.cookie)).statusCode).toBe(400);
  });
});

describe('bad input', () => {
  it('answers each bad Ping with a 400 naming the field, and writes nothing', async () => {
    const { leader, community } = await setting(1);
    const cases: [object, string][] = [
      [{ choices: [] }, 'choices'],
      [{ choices: ['One'] }, 'choices'],
      [{ choices: Array.from({ length: 11 }, (_, i) => `Choice ${i}`) }, 'choices'],
      [{ choices: ['Same', 'same'] }, 'choices'],
      [{ choices: ['Fine', ''] }, 'choices.1'],
      [{ kind: 'text', choices: ['A', 'B'] }, 'choices'],
      [{ windowHours: 0 }, 'windowHours'],
      [{ windowHours: 24 * 31 }, 'windowHours'],
      [{ windowHours: 1.5 }, 'windowHours'],
      [{ question: '' }, 'question'],
      [{ question: 'x'.repeat(301) }, 'question'],
      [{ audience: 'role' }, 'role'],
      [{ audience: 'everyone' }, 'audience'],
      [{ resultsVisibility: 'never' }, 'resultsVisibility'],
    ];
    const before = [
      await countRows(pings),
      await countRows(pingRecipients),
      await countRows(pingAnswerLinks),
    ];
    for (const [change, field] of cases) {
      const response = await call('POST', `/api/communities/${community.slug}/pings`, leader.cookie, {
        ...choicePing,
        ...change,
      });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(Object.keys(response.json().fields ?? {}), JSON.stringify(change)).toContain(field);
    }
    expect([
      await countRows(pings),
      await countRows(pingRecipients),
      await countRows(pingAnswerLinks),
    ]).toEqual(before);
  });

  it('refuses answers that do not fit the Ping, naming the field', async () => {
    const { leader, community, members } = await setting(1);
    const [a] = members;
    if (!a) throw new Error('no member');
    const id = await send(community.slug, leader.cookie);
    const cases: [object, string][] = [
      [{ choice: 3 }, 'choice'],
      [{ choice: -1 }, 'choice'],
      [{ text: 'Monday' }, 'text'],
      [{}, 'choice'],
    ];
    for (const [body, field] of cases) {
      const response = await call('PUT', `/api/pings/${id}/answer`, a.cookie, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(response.json().fields ?? {})).toContain(field);
    }
    const [answers] = await db().select({ n: count() }).from(pingAnswers).where(eq(pingAnswers.pingId, id));
    expect(answers?.n).toBe(0);
  });
});

/** The answer links in the newest email to this address, in the order of the choices. */
async function linksFor(address: string) {
  const [mail] = await db()
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.toAddress, address))
    .orderBy(sql`${mailMessages.createdAt} desc`)
    .limit(1);
  return [...(mail?.textBody.matchAll(/\/pings\/answer\/([A-Za-z0-9_-]+)/g) ?? [])].map((m) => m[1] ?? '');
}

describe('one-click answer links', () => {
  it('show what they would do on GET, answer on POST without a session, once each', async () => {
    const { leader, community, members } = await setting(1);
    const [a] = members;
    if (!a) throw new Error('no member');
    const id = await send(community.slug, leader.cookie);
    const [monday, wednesday] = await linksFor(a.user.email);
    if (!monday || !wednesday) throw new Error('no links');

    // Opening the link (a mail scanner would) answers nothing.
    const shown = await call('GET', `/api/pings/answer-links/${monday}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().data).toMatchObject({ choice: 'Monday', question: choicePing.question });
    expect((await call('GET', `/api/pings/${id}`, a.cookie)).json().data.answered).toBe(false);

    expect((await call('POST', `/api/pings/answer-links/${monday}`)).statusCode).toBe(200);
    expect((await call('GET', `/api/pings/${id}`, a.cookie)).json().data.yourAnswer).toEqual({
      choice: 0,
      text: null,
    });
    // Reused: 409; another choice's link still changes the answer while open.
    expect((await call('POST', `/api/pings/answer-links/${monday}`)).statusCode).toBe(409);
    expect((await call('GET', `/api/pings/answer-links/${monday}`)).statusCode).toBe(409);
    expect((await call('POST', `/api/pings/answer-links/${wednesday}`)).statusCode).toBe(200);
    expect((await call('GET', `/api/pings/${id}`, a.cookie)).json().data.yourAnswer).toEqual({
      choice: 1,
      text: null,
    });
  });

  it('refuse forged, malformed and expired links, and links of a closed Ping', async () => {
    const { leader, community, members } = await setting(1);
    const [a] = members;
    if (!a) throw new Error('no member');
    const id = await send(community.slug, leader.cookie);
    const [monday, , thursday] = await linksFor(a.user.email);
    if (!monday || !thursday) throw new Error('no links');

    const forged = `${monday.slice(0, -4)}AAAA`;
    expect((await call('POST', `/api/pings/answer-links/${forged}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/pings/answer-links/${forged}`)).statusCode).toBe(404);
    expect((await call('POST', '/api/pings/answer-links/short')).statusCode).toBe(400);

    // A person who left the community, or whose account is suspended, answers nothing by link.
    const [, wednesday] = await linksFor(a.user.email);
    await db().execute(sql`update users set suspended_at = now() where id = ${a.user.id}`);
    expect((await call('GET', `/api/pings/answer-links/${thursday}`)).statusCode).toBe(403);
    await db().execute(sql`update users set suspended_at = null where id = ${a.user.id}`);
    expect(
      (await call('POST', `/api/communities/${community.slug}/leave`, a.cookie, {})).statusCode,
    ).toBeLessThan(300);
    expect((await call('POST', `/api/pings/answer-links/${wednesday}`)).statusCode).toBe(403);
    await db().execute(
      sql`insert into community_members (community_id, user_id) values (${community.id}, ${a.user.id})`,
    );

    // Expired: its Ping's time is up.
    await db()
      .update(pings)
      .set({ closesAt: sql`now() - interval '1 minute'`, opensAt: sql`now() - interval '2 hours'` })
      .where(eq(pings.id, id));
    const expired = await call('POST', `/api/pings/answer-links/${monday}`);
    expect(expired.statusCode).toBe(409);
    expect(expired.json().message).toMatch(/closed/);

    // Closed early.
    const other = await send(community.slug, leader.cookie);
    const [link] = await linksFor(a.user.email);
    expect((await call('POST', `/api/pings/${other}/close`, leader.cookie)).statusCode).toBe(200);
    expect((await call('POST', `/api/pings/answer-links/${link}`)).statusCode).toBe(409);
    const [answers] = await db()
      .select({ n: count() })
      .from(pingAnswers)
      .where(eq(pingAnswers.userId, a.user.id));
    expect(answers?.n).toBe(0);
  });
});

describe('anonymous Pings', () => {
  it('keep who answered apart from what was answered, everywhere', async () => {
    const { leader, community, members } = await setting(7);
    const id = await send(community.slug, leader.cookie, { anonymous: true, audience: 'all' });
    const [first, second, ...rest] = members;
    if (!first || !second) throw new Error('no members');

    // One answers in the app, one by link; an anonymous answer cannot be changed, by either way.
    expect((await call('PUT', `/api/pings/${id}/answer`, first.cookie, { choice: 0 })).statusCode).toBe(200);
    const again = await call('PUT', `/api/pings/${id}/answer`, first.cookie, { choice: 1 });
    expect(again.statusCode).toBe(409);
    const [, wednesdayLink] = await linksFor(second.user.email);
    expect((await call('POST', `/api/pings/answer-links/${wednesdayLink}`)).statusCode).toBe(200);
    // The person's other links are gone with the answer: no used link says which choice was theirs.
    const left = await db().select().from(pingAnswerLinks).where(eq(pingAnswerLinks.userId, second.user.id));
    expect(left).toEqual([]);

    // Under five answers: no results for anyone, leaders included; the CSV has no answers.
    const early = (await call('GET', `/api/pings/${id}/results`, leader.cookie)).json().data;
    expect(early).toMatchObject({ shown: false, answerCount: 2, choices: [] });
    for (const [i, m] of rest.entries()) {
      const answer = await call('PUT', `/api/pings/${id}/answer`, m.cookie, { choice: i % 3 });
      expect(answer.statusCode).toBe(200);
    }
    // Seven answers: the results published at the fifth, not the sixth or seventh.
    const results = (await call('GET', `/api/pings/${id}/results`, leader.cookie)).json().data;
    expect(results).toMatchObject({ shown: true, answerCount: 7, countedAnswers: 5 });
    expect(results.choices.reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe(5);

    // No endpoint shows a person next to an answer.
    const everyone = [leader, ...members];
    const personal = everyone.flatMap((p) => [p.user.id, p.user.displayName, p.user.email]);
    const bodies = [
      (await call('GET', `/api/pings/${id}`, leader.cookie)).body,
      (await call('GET', `/api/pings/${id}`, first.cookie)).body,
      (await call('GET', `/api/pings/${id}/results`, leader.cookie)).body,
      (await call('GET', `/api/pings/${id}/results`, first.cookie)).body,
      (await call('GET', `/api/pings/${id}/csv`, leader.cookie)).body,
      (await call('GET', `/api/communities/${community.slug}/pings`, leader.cookie)).body,
      (await call('GET', `/api/communities/${community.slug}/pings`, first.cookie)).body,
      (await call('GET', '/api/notifications', leader.cookie)).body,
      (await call('GET', '/api/notifications', first.cookie)).body,
    ];
    for (const body of bodies) for (const value of personal) expect(body).not.toContain(value);
    expect((await call('GET', `/api/pings/${id}`, first.cookie)).json().data).toMatchObject({
      answered: true,
      yourAnswer: null,
    });
    const csv = (await call('GET', `/api/pings/${id}/csv`, leader.cookie)).body.trim().split('\r\n');
    expect(csv).toHaveLength(6);
    expect(csv[0]?.replace('\uFEFF', '')).toBe('answer');

    // The administrator's audit log has nothing of it either: it records that they signed in (when,
    // from where), never what they answered or that they did.
    const admin = await signedInUser(t.app, { role: 'administrator' });
    const audit = await call('GET', '/api/admin/audit', admin.cookie);
    expect(audit.statusCode).toBe(200);
    const entries = (audit.json().data as { action: string }[]).filter(
      (entry) => entry.action !== 'auth.signin',
    );
    for (const value of personal) expect(JSON.stringify(entries)).not.toContain(value);

    // In the database: the answers have no person column and only a day; who answered has only the day.
    const columns = Object.keys(pingAnonymousAnswers);
    expect(columns).not.toContain('userId');
    const stored = await db().select().from(pingAnonymousAnswers).where(eq(pingAnonymousAnswers.pingId, id));
    expect(stored).toHaveLength(7);
    expect(await db().select().from(pingAnswers).where(eq(pingAnswers.pingId, id))).toEqual([]);
    const answered = await db().select().from(pingRecipients).where(eq(pingRecipients.pingId, id));
    for (const row of answered.filter((r) => r.answeredAt)) {
      expect(row.answeredAt?.getUTCHours()).toBe(0);
      expect(row.answeredAt?.getUTCMinutes()).toBe(0);
    }
    // The event log has the answers without the person, on the day only.
    const events = await db().select().from(activityEvents).where(eq(activityEvents.subjectId, id));
    expect(events).toHaveLength(7);
    for (const event of events) {
      expect(event.actorId).toBeNull();
      expect(event.occurredAt.getUTCHours() + event.occurredAt.getUTCMinutes()).toBe(0);
    }
  });
});

describe('answers at the same moment', () => {
  it('publish anonymous results exactly at the fifth answer, and a co-leader who got the Ping sees it so', async () => {
    const { leader, community, members } = await setting(5);
    const coLeader = await signedInUser(t.app);
    await db().execute(sql`insert into community_members (community_id, user_id, role)
      values (${community.id}, ${coLeader.user.id}, 'co_leader')`);
    const id = await send(community.slug, leader.cookie, { anonymous: true });
    const answers = await Promise.all(
      members.map((m, i) => call('PUT', `/api/pings/${id}/answer`, m.cookie, { choice: i % 2 })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const results = (await call('GET', `/api/pings/${id}/results`, leader.cookie)).json().data;
    expect(results).toMatchObject({ shown: true, answerCount: 5, countedAnswers: 5 });
    expect(results.choices.map((c: { count: number }) => c.count)).toEqual([3, 2, 0]);
    const listed = (await call('GET', `/api/communities/${community.slug}/pings`, coLeader.cookie)).json()
      .data;
    expect(listed[0]).toMatchObject({ id, addressedToYou: true, answered: false, recipientCount: 7 });
    expect(listed[0].abilities).toMatchObject({ answer: true, manage: true });
  });
});
