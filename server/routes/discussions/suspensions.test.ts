import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communitySuspensions, moderationActions, notifications } from '../../db/schema/index.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;

/** A community led by `leader`, with a member and a co-leader, and a thread by the leader. */
async function setUp() {
  const leader = await signedInUser(t.app);
  const [member, coLeader] = await Promise.all([createUser(db()), createUser(db())]);
  const community = await createTestCommunity(db(), [leader.user.id], {
    members: [
      [member.id, 'member'],
      [coLeader.id, 'co_leader'],
    ],
  });
  const memberCookie = await signInAs(t.app, member.email);
  const coLeaderCookie = await signInAs(t.app, coLeader.email);
  const threadId = (
    await call('POST', `/api/communities/${community.slug}/threads`, leader.cookie, {
      title: 'Welcome',
      body: 'Say hello.',
    })
  ).json().data.id as string;
  return { leader, member, memberCookie, coLeader, coLeaderCookie, community, threadId };
}

describe('suspensions', () => {
  it('a suspended member reads but cannot contribute, and can again once the suspension is lifted', async () => {
    const { leader, member, memberCookie, community, threadId } = await setUp();
    const suspend = await call('POST', `/api/communities/${community.slug}/suspensions`, leader.cookie, {
      userId: member.id,
      reason: 'Repeated insults.',
    });
    expect(suspend.statusCode).toBe(201);
    const suspensionId = suspend.json().data.id as string;

    expect((await call('GET', `/api/threads/${threadId}`, memberCookie)).statusCode).toBe(200);
    const thread = (await call('GET', `/api/threads/${threadId}`, memberCookie)).json().data;
    expect(thread.abilities).toMatchObject({ reply: false, react: false });
    expect(thread.suspended).toBe(true);
    const refused = await call('POST', `/api/threads/${threadId}/replies`, memberCookie, { body: 'Hi' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/suspended/);
    for (const [method, url, payload] of [
      ['POST', `/api/communities/${community.slug}/threads`, { title: 'Mine', body: 'Text' }],
      ['POST', `/api/threads/${threadId}/reactions`, { emoji: '👍' }],
      ['POST', `/api/threads/${threadId}/reports`, { reason: 'I do not like it.' }],
    ] as const) {
      expect((await call(method, url, memberCookie, payload)).statusCode).toBe(403);
    }

    const list = (await call('GET', `/api/communities/${community.slug}/suspensions`, leader.cookie)).json();
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({
      id: suspensionId,
      person: { id: member.id },
      reason: 'Repeated insults.',
      endsAt: null,
      suspendedBy: { id: leader.user.id },
    });
    expect(
      (await call('GET', `/api/communities/${community.slug}/suspensions`, memberCookie)).statusCode,
    ).toBe(403);
    const told = await db()
      .select({ title: notifications.title })
      .from(notifications)
      .where(and(eq(notifications.userId, member.id), eq(notifications.kind, 'community.membership')));
    expect(told.map((n) => n.title)).toEqual([`You are suspended from ${community.name}`]);

    expect((await call('POST', `/api/suspensions/${suspensionId}/lift`, memberCookie)).statusCode).toBe(403);
    expect((await call('POST', `/api/suspensions/${suspensionId}/lift`, leader.cookie)).statusCode).toBe(200);
    expect((await call('POST', `/api/suspensions/${suspensionId}/lift`, leader.cookie)).statusCode).toBe(409);
    const replied = await call('POST', `/api/threads/${threadId}/replies`, memberCookie, {
      body: 'Hi again',
    });
    expect(replied.statusCode).toBe(201);
    expect(
      (await call('GET', `/api/communities/${community.slug}/suspensions`, leader.cookie)).json().data,
    ).toEqual([]);

    const log = (await call('GET', `/api/communities/${community.slug}/moderation-log`, leader.cookie)).json()
      .data;
    expect(
      log.map((e: { action: string; subject: { id: string } | null }) => [e.action, e.subject?.id]),
    ).toEqual([
      ['lift_suspension', member.id],
      ['suspend', member.id],
    ]);
  });

  it('refuses a second suspension, yourself, leaders (unless a coordinator), strangers and bad input', async () => {
    const { leader, member, memberCookie, coLeader, coLeaderCookie, community } = await setUp();
    const coordinator = await signedInUser(t.app, { role: 'coordinator' });
    const stranger = await createUser(db());
    const url = `/api/communities/${community.slug}/suspensions`;
    const reason = 'Repeated insults.';

    expect((await call('POST', url, leader.cookie, { userId: leader.user.id, reason })).statusCode).toBe(403);
    const onLeader = await call('POST', url, coLeaderCookie, { userId: leader.user.id, reason });
    expect(onLeader.statusCode).toBe(403);
    expect(onLeader.json().message).toMatch(/coordinator/);
    const onStranger = await call('POST', url, leader.cookie, { userId: stranger.id, reason });
    expect(onStranger.json().fields).toHaveProperty('userId');
    const short = await call('POST', url, leader.cookie, { userId: member.id, reason: 'x' });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields).toHaveProperty('reason');
    const past = await call('POST', url, leader.cookie, {
      userId: member.id,
      reason,
      endsAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.json().fields).toHaveProperty('endsAt');
    const garbled = await call('POST', url, leader.cookie, { userId: member.id, reason, endsAt: 'soon' });
    expect(garbled.json().fields).toHaveProperty('endsAt');
    expect(
      await db()
        .select()
        .from(communitySuspensions)
        .where(eq(communitySuspensions.communityId, community.id)),
    ).toEqual([]);

    const endsAt = '2031-03-04T13:00:00.000Z';
    expect((await call('POST', url, leader.cookie, { userId: member.id, reason, endsAt })).statusCode).toBe(
      201,
    );
    // The end is written in the member's language and time zone (UTC here), not as an English date.
    const told = await t.app.inject({
      method: 'GET',
      url: '/api/notifications',
      headers: { cookie: memberCookie, 'accept-language': 'nl' },
    });
    expect(told.json().data[0].body).toContain('dinsdag 4 maart om 13:00 UTC');
    const again = await call('POST', url, coLeaderCookie, { userId: member.id, reason });
    expect(again.statusCode).toBe(409);
    // Coordinators may suspend a co-leader, who then no longer moderates.
    expect((await call('POST', url, coordinator.cookie, { userId: coLeader.id, reason })).statusCode).toBe(
      201,
    );
    expect((await call('GET', url, coLeaderCookie)).statusCode).toBe(200);
    expect((await call('POST', url, coLeaderCookie, { userId: member.id, reason })).statusCode).toBe(403);
    const coordinatorTarget = await call('POST', url, leader.cookie, { userId: coordinator.user.id, reason });
    expect(coordinatorTarget.statusCode).toBe(400);
    const logged = await db()
      .select({ action: moderationActions.action })
      .from(moderationActions)
      .where(eq(moderationActions.communityId, community.id));
    expect(logged.map((row) => row.action).sort()).toEqual(['suspend', 'suspend']);
  });

  it('a suspension that has ended no longer holds, and a new one can be made', async () => {
    const { leader, member, memberCookie, community, threadId } = await setUp();
    await db()
      .insert(communitySuspensions)
      .values({
        communityId: community.id,
        userId: member.id,
        reason: 'Cool off.',
        endsAt: new Date(Date.now() - 1000),
        suspendedBy: leader.user.id,
      });
    expect(
      (await call('POST', `/api/threads/${threadId}/replies`, memberCookie, { body: 'Back' })).statusCode,
    ).toBe(201);
    const again = await call('POST', `/api/communities/${community.slug}/suspensions`, leader.cookie, {
      userId: member.id,
      reason: 'Again.',
    });
    expect(again.statusCode).toBe(201);
    expect(
      (await call('POST', `/api/threads/${threadId}/replies`, memberCookie, { body: 'No' })).statusCode,
    ).toBe(403);
  });
});
