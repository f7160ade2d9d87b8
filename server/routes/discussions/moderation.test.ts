import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema/index.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;

describe('reports and the moderation queue', () => {
  it('takes reports once each, tells the leaders, and lets them hide what was reported; the log keeps it', async () => {
    const leader = await signedInUser(t.app);
    const coordinator = await signedInUser(t.app, { role: 'coordinator' });
    const [a, b, c] = await Promise.all([createUser(db()), createUser(db()), createUser(db())]);
    if (!a || !b || !c) throw new Error('no people');
    const community = await createTestCommunity(db(), [leader.user.id], {
      members: [
        [a.id, 'member'],
        [b.id, 'member'],
        [c.id, 'member'],
      ],
    });
    const [ca, cb, cc] = await Promise.all([a, b, c].map((p) => signInAs(t.app, p.email)));
    const threadId = (
      await call('POST', `/api/communities/${community.slug}/threads`, ca, {
        title: 'Marking tips',
        body: 'Share.',
      })
    ).json().data.id;
    const replyId = (
      await call('POST', `/api/threads/${threadId}/replies`, cb, { body: 'Rude words here.' })
    ).json().data.id;

    const report = { postId: replyId, reason: 'This is rude.' };
    expect((await call('POST', `/api/threads/${threadId}/reports`, ca, report)).statusCode).toBe(201);
    expect((await call('POST', `/api/threads/${threadId}/reports`, ca, report)).statusCode).toBe(409);
    expect((await call('POST', `/api/threads/${threadId}/reports`, cc, report)).statusCode).toBe(201);
    const short = await call('POST', `/api/threads/${threadId}/reports`, cc, { reason: 'x' });
    expect(short.json().fields).toHaveProperty('reason');
    const told = await db()
      .select({ title: notifications.title, url: notifications.url })
      .from(notifications)
      .where(and(eq(notifications.userId, leader.user.id), eq(notifications.kind, 'discussion.report')));
    expect(told).toHaveLength(2);
    expect(told[0]?.url).toBe(`/communities/${community.slug}/moderation`);

    expect((await call('GET', `/api/communities/${community.slug}/reports`, ca)).statusCode).toBe(403);
    const queue = (await call('GET', `/api/communities/${community.slug}/reports`, leader.cookie)).json()
      .data;
    expect(queue).toHaveLength(2);
    expect(queue[0]).toMatchObject({
      postId: replyId,
      excerpt: 'Rude words here.',
      status: 'open',
      author: { id: b.id },
      hidden: false,
      threadLocked: false,
    });
    const everywhere = (await call('GET', '/api/coordinator/reports', coordinator.cookie)).json().data;
    expect(everywhere.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(queue.map((r: { id: string }) => r.id)),
    );
    expect((await call('GET', '/api/coordinator/reports', leader.cookie)).statusCode).toBe(403);

    const decided = await call('POST', `/api/reports/${queue[0].id}/decision`, leader.cookie, {
      decision: 'hide',
      note: 'Against the guidelines',
    });
    expect(decided.statusCode).toBe(200);
    const open = (await call('GET', `/api/communities/${community.slug}/reports`, leader.cookie)).json().data;
    expect(open).toEqual([]);
    const hiddenOnes = (
      await call('GET', `/api/communities/${community.slug}/reports?status=hidden`, leader.cookie)
    ).json().data;
    expect(hiddenOnes.map((r: { hidden: boolean }) => r.hidden)).toEqual([true, true]);
    expect(
      (await call('POST', `/api/reports/${queue[1].id}/decision`, leader.cookie, { decision: 'dismiss' }))
        .statusCode,
    ).toBe(409);

    const asMember = (await call('GET', `/api/threads/${threadId}`, ca)).json().data.replies[0];
    expect(asMember).toMatchObject({ hidden: true, body: '', author: null });
    const asLeader = (await call('GET', `/api/threads/${threadId}`, leader.cookie)).json().data.replies[0];
    expect(asLeader).toMatchObject({ hidden: true, body: 'Rude words here.' });

    const log = (await call('GET', `/api/communities/${community.slug}/moderation-log`, leader.cookie)).json()
      .data;
    expect(log.map((e: { action: string; note: string }) => [e.action, e.note])).toEqual([
      ['hide', 'Against the guidelines'],
    ]);
    expect((await call('GET', `/api/communities/${community.slug}/moderation-log`, ca)).statusCode).toBe(403);
  });

  it('hides a whole thread from everyone but the moderators, and restores it', async () => {
    const leader = await signedInUser(t.app);
    const member = await createUser(db());
    const community = await createTestCommunity(db(), [leader.user.id], { members: [[member.id, 'member']] });
    const cookie = await signInAs(t.app, member.email);
    const threadId = (
      await call('POST', `/api/communities/${community.slug}/threads`, cookie, {
        title: 'Spam thread',
        body: 'Buy!',
      })
    ).json().data.id;
    expect((await call('PUT', `/api/threads/${threadId}/hidden`, cookie, { hidden: true })).statusCode).toBe(
      403,
    );
    await call('PUT', `/api/threads/${threadId}/hidden`, leader.cookie, { hidden: true, note: 'Spam' });
    const listed = (await call('GET', `/api/communities/${community.slug}/threads`, cookie)).json().data;
    expect(listed).toEqual([]);
    expect((await call('GET', `/api/threads/${threadId}`, cookie)).statusCode).toBe(404);
    expect((await call('POST', `/api/threads/${threadId}/replies`, cookie, { body: 'Hi' })).statusCode).toBe(
      404,
    );
    const forLeader = (await call('GET', `/api/communities/${community.slug}/threads`, leader.cookie)).json()
      .data;
    expect(forLeader.map((th: { hidden: boolean }) => th.hidden)).toEqual([true]);
    await call('PUT', `/api/threads/${threadId}/hidden`, leader.cookie, { hidden: false });
    expect((await call('GET', `/api/threads/${threadId}`, cookie)).statusCode).toBe(200);
    const log = (await call('GET', `/api/communities/${community.slug}/moderation-log`, leader.cookie)).json()
      .data;
    expect(log.map((e: { action: string }) => e.action)).toEqual(['restore', 'hide']);
  });

  it('shows a reply’s history only through its own thread, and not of a hidden reply to members', async () => {
    const leader = await signedInUser(t.app);
    const member = await createUser(db());
    const community = await createTestCommunity(db(), [leader.user.id], { members: [[member.id, 'member']] });
    const cookie = await signInAs(t.app, member.email);
    const start = (title: string) =>
      call('POST', `/api/communities/${community.slug}/threads`, cookie, { title, body: 'Text' });
    const first = (await start('First')).json().data.id;
    const second = (await start('Second')).json().data.id;
    const replyId = (
      await call('POST', `/api/threads/${first}/replies`, cookie, { body: 'Version *one*' })
    ).json().data.id;
    await call('PATCH', `/api/threads/${first}/replies/${replyId}`, cookie, { body: 'Version two' });
    const history = (await call('GET', `/api/threads/${first}/revisions?postId=${replyId}`, cookie)).json()
      .data;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ body: 'Version *one*', bodyHtml: '<p>Version <em>one</em></p>\n' });
    expect(
      (await call('GET', `/api/threads/${second}/revisions?postId=${replyId}`, cookie)).json().data,
    ).toEqual([]);
    await call('PUT', `/api/threads/${first}/hidden`, leader.cookie, { postId: replyId, hidden: true });
    expect(
      (await call('GET', `/api/threads/${first}/revisions?postId=${replyId}`, cookie)).json().data,
    ).toEqual([]);
    const forLeader = await call('GET', `/api/threads/${first}/revisions?postId=${replyId}`, leader.cookie);
    expect(forLeader.json().data).toHaveLength(1);
  });
});
