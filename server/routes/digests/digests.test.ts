import { and, eq, inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digests, mailMessages, resources, threadReads, users } from '../../db/schema/index.ts';
import { sendDigests } from '../../services/digests/send-digests.ts';
import { getTestApp, type TestApp } from '../../test/app.ts';
import { createTestCommunity, signedInUser } from '../../test/factories.ts';
import { createTestMeeting } from '../../test/meetings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

type Person = Awaited<ReturnType<typeof signedInUser>>;
const publicUrl = 'http://copse.test';

/** The next 07:00 (the whole hour whose local hour is 7) in `zone` after now, within a day; on a Monday if asked. */
function nextMorning(zone: string, monday = false): Date {
  let at = DateTime.now().toUTC().startOf('hour').plus({ hours: 1 });
  while (at.setZone(zone).hour !== 7 || (monday && at.setZone(zone).weekday !== 1))
    at = at.plus({ hours: 1 });
  return at.toJSDate();
}

const run = (now: Date) => sendDigests({ database: t.database, jobs: t.app.deps.jobs }, publicUrl, now);

async function person(zone: string, language: string | null = null): Promise<Person> {
  const who = await signedInUser(t.app);
  await t.database.db.update(users).set({ timeZone: zone, language }).where(eq(users.id, who.user.id));
  return who;
}

async function choose(who: Person, slug: string, email: string) {
  const response = await t.app.inject({
    method: 'PUT',
    url: `/api/communities/${slug}/email`,
    headers: { cookie: who.cookie },
    payload: { email },
  });
  expect(response.statusCode).toBe(200);
}

async function startThread(who: Person, slug: string, title: string, kind = 'discussion') {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/communities/${slug}/threads`,
    headers: { cookie: who.cookie },
    payload: { kind, title, body: 'Details inside.' },
  });
  expect(response.statusCode).toBe(201);
  return response.json().data.id as string;
}

const digestsTo = async (address: string) =>
  (await t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, address))).filter((m) =>
    /digest|overzicht|riepilogo/i.test(m.subject),
  );

describe('digest emails (#16 §3)', () => {
  it('sends each member at their 07:00 one digest of what is new and unseen, in their language, with list headers and one-click links', async () => {
    const leader = await person('UTC');
    const dutch = await person('Europe/Amsterdam', 'nl');
    const reader = await person('Europe/Amsterdam');
    const community = await createTestCommunity(t.database.db, [leader.user.id], {
      members: [
        [dutch.user.id, 'member'],
        [reader.user.id, 'member'],
      ],
    });
    await choose(dutch, community.slug, 'daily');
    await choose(reader, community.slug, 'daily');
    await startThread(leader, community.slug, 'Lunch rota', 'announcement');
    const seen = await startThread(leader, community.slug, 'Rubrics we like');
    const [resource] = await t.database.db
      .insert(resources)
      .values({
        communityId: community.id,
        kind: 'link',
        title: 'Peer review guide',
        url: 'https://example.org',
        authorId: leader.user.id,
      })
      .returning();
    await createTestMeeting(t.database.db, community.id, {
      title: 'Show and tell',
      startsInHours: 24 * 10,
      createdBy: leader.user.id,
    });
    // The reader has read the thread: it is not news to them any more.
    await t.database.db
      .insert(threadReads)
      .values({ threadId: seen, userId: reader.user.id, lastReadAt: new Date(Date.now() + 1000) });
    const amsterdamMorning = nextMorning('Europe/Amsterdam');
    // An hour too early for Amsterdam: nothing.
    expect((await run(new Date(amsterdamMorning.getTime() - 3_600_000))).sent).toBe(0);
    const first = await run(amsterdamMorning);
    expect(first.sent).toBeGreaterThanOrEqual(2);

    const [mail] = await digestsTo(dutch.user.email);
    expect(mail?.subject).toContain('dagelijkse overzicht');
    expect(mail?.textBody).toContain('Mededelingen');
    expect(mail?.textBody).toContain('Lunch rota');
    expect(mail?.textBody).toContain('Rubrics we like');
    expect(mail?.textBody).toContain('Peer review guide');
    expect(mail?.textBody).toContain('Show and tell');
    // The meeting says when, in Dutch and in the reader's zone.
    expect(mail?.textBody).toMatch(
      /Show and tell\n\s+[^\n]+ · (maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) /,
    );
    expect(mail?.htmlBody).toContain('lang="nl"');
    expect(mail?.htmlBody).toContain('Peer review guide');
    expect(mail?.headers?.['List-Id']).toMatch(/^Copse digest <digest\.copse\.test>$/);
    expect(mail?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    // The announcement is listed once although it is both a notification and a thread.
    expect(mail?.textBody.split('Lunch rota').length).toBe(2);

    const [theirs] = await digestsTo(reader.user.email);
    expect(theirs?.textBody).toContain('Lunch rota');
    expect(theirs?.textBody).not.toContain('Rubrics we like');
    // The leader (UTC) gets nothing at Amsterdam's morning, and nothing of their own at theirs.
    expect(await digestsTo(leader.user.email)).toHaveLength(0);

    // The per-community link from the email unsubscribes in one POST without a session.
    const stop = /Geen e-mail meer van [^\n]+\n\s+(http:\/\/copse\.test\/unsubscribe\/\S+)/.exec(
      mail?.textBody ?? '',
    );
    expect(stop?.[1]).toBeTruthy();
    const token = new URL(stop?.[1] ?? 'http://x/').pathname.split('/')[2] ?? '';
    const described = await t.app.inject({ method: 'GET', url: `/api/unsubscribe/${token}` });
    expect(described.json().data).toMatchObject({
      scope: 'community',
      community: { name: community.name },
      off: false,
    });
    const posted = await t.app.inject({
      method: 'POST',
      url: `/unsubscribe/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(posted.json().data).toMatchObject({ scope: 'community', off: true });
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.slug}/email`,
      headers: { cookie: dutch.cookie },
    });
    expect(mine.json().data.email).toBe('off');
    expect(resource).toBeTruthy();
  });

  it('lists an open check-in the member has not answered, under its own heading, and not once answered', async () => {
    const leader = await person('UTC');
    const member = await person('UTC');
    const answered = await person('UTC');
    const community = await createTestCommunity(t.database.db, [leader.user.id], {
      members: [
        [member.user.id, 'member'],
        [answered.user.id, 'member'],
      ],
    });
    await choose(member, community.slug, 'daily');
    await choose(answered, community.slug, 'daily');
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.slug}/surveys`,
      headers: { cookie: leader.cookie },
      payload: {
        title: 'Mid-term pulse',
        closesAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        questions: [{ kind: 'single', prompt: 'Going well?', options: ['Yes', 'Not yet'] }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const surveyId = created.json().data.id as string;
    const survey = (
      await t.app.inject({
        method: 'GET',
        url: `/api/surveys/${surveyId}`,
        headers: { cookie: answered.cookie },
      })
    ).json().data;
    const reply = await t.app.inject({
      method: 'PUT',
      url: `/api/surveys/${surveyId}/response`,
      headers: { cookie: answered.cookie },
      payload: { answers: { [survey.questions[0].id]: { choice: 0 } } },
    });
    expect(reply.statusCode, reply.body).toBe(200);
    await run(nextMorning('UTC'));
    const [mail] = await digestsTo(member.user.email);
    expect(mail?.textBody).toContain('Open check-ins');
    expect(mail?.textBody).toContain('Mid-term pulse');
    expect(mail?.textBody).toContain(`/checkins/${surveyId}`);
    const theirs = await digestsTo(answered.user.email);
    expect(theirs.every((m) => !m.textBody.includes('Open check-ins'))).toBe(true);
  });

  it('a digest job that runs twice (or at once twice) sends once; nothing new sends nothing', async () => {
    const leader = await person('UTC');
    const member = await person('Asia/Kolkata');
    const quiet = await person('Asia/Kolkata');
    const community = await createTestCommunity(t.database.db, [leader.user.id], {
      members: [
        [member.user.id, 'member'],
        [quiet.user.id, 'member'],
      ],
    });
    await choose(member, community.slug, 'daily');
    await choose(quiet, community.slug, 'off');
    await startThread(leader, community.slug, 'Assessment ideas');
    // 07:30 in Kolkata (UTC+5:30): the hour is 7.
    const morning = nextMorning('Asia/Kolkata');
    expect(DateTime.fromJSDate(morning).setZone('Asia/Kolkata').minute).toBe(30);
    const runs = await Promise.all([run(morning), run(morning)]);
    await run(morning);
    expect(await digestsTo(member.user.email)).toHaveLength(1);
    expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBeGreaterThanOrEqual(1);
    expect(await digestsTo(quiet.user.email)).toHaveLength(0);
    const claims = await t.database.db
      .select()
      .from(digests)
      .where(and(inArray(digests.userId, [member.user.id, quiet.user.id])));
    expect(claims).toEqual([
      expect.objectContaining({
        userId: member.user.id,
        frequency: 'daily',
        period: DateTime.fromJSDate(morning).setZone('Asia/Kolkata').toISODate(),
      }),
    ]);

    // The next morning: nothing new since the last digest, so no email.
    await run(new Date(morning.getTime() + 86_400_000));
    expect(await digestsTo(member.user.email)).toHaveLength(1);
  });

  it('the weekly digest goes on the member’s Monday, by default for their communities', async () => {
    const leader = await person('UTC');
    const member = await person('UTC');
    const community = await createTestCommunity(t.database.db, [leader.user.id], {
      members: [[member.user.id, 'member']],
    });
    await startThread(leader, community.slug, 'Weekly thing');
    const monday = nextMorning('UTC', true);
    // Any other day at 07:00 UTC: no weekly digest.
    await run(new Date(monday.getTime() - 86_400_000));
    expect(await digestsTo(member.user.email)).toHaveLength(0);
    // Monday 07:00 UTC, within the week: the weekly digest (the default for community.digest).
    await run(monday);
    const [weekly] = await digestsTo(member.user.email);
    expect(weekly?.subject).toContain('weekly digest');
    expect(weekly?.textBody).toContain('Weekly thing');
  });
});
