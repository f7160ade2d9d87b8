import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages, notifications } from '../../db/schema/index.ts';
import { unsubscribeSigner } from '../../services/notifications/unsubscribe-link.ts';
import { getTestApp, type TestApp } from '../../test/app.ts';
import { createTestCommunity, signedInUser } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

type Person = Awaited<ReturnType<typeof signedInUser>>;

async function world() {
  const leader = await signedInUser(t.app);
  const member = await signedInUser(t.app);
  const other = await signedInUser(t.app);
  const community = await createTestCommunity(t.database.db, [leader.user.id], {
    members: [
      [member.user.id, 'member'],
      [other.user.id, 'member'],
    ],
  });
  return { leader, member, other, community };
}

const put = (who: Person, slug: string, payload: object) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/communities/${slug}/email`,
    headers: { cookie: who.cookie },
    payload,
  });

async function announce(leader: Person, slug: string, title: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/communities/${slug}/threads`,
    headers: { cookie: leader.cookie },
    payload: { kind: 'announcement', title, body: 'Bring a mug.' },
  });
  expect(response.statusCode).toBe(201);
}

const emailsAbout = async (address: string, words: string) =>
  (await t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, address))).filter((m) =>
    m.subject.includes(words),
  ).length;

describe('email choices per kind and per community (#16 §3)', () => {
  it('offers daily and weekly per kind, and refuses an immediate digest naming the field', async () => {
    const { member } = await world();
    const headers = { cookie: member.cookie };
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers,
      payload: { preferences: [{ kind: 'discussion.reply', email: 'daily' }] },
    });
    expect(saved.statusCode).toBe(200);
    const rows = saved.json().data as { kind: string; email: string }[];
    expect(rows.find((r) => r.kind === 'discussion.reply')?.email).toBe('daily');
    // The summary of one's communities is weekly until chosen otherwise.
    expect(rows.find((r) => r.kind === 'community.digest')?.email).toBe('weekly');

    const refused = await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers,
      payload: { preferences: [{ kind: 'community.digest', email: 'immediately' }] },
    });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('preferences.0.email');
  });

  it('sets, reads, lists and resets a member’s choice for a community; bad input is a 400 naming the field', async () => {
    const { member, community } = await world();
    const headers = { cookie: member.cookie };
    const before = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.slug}/email`,
      headers,
    });
    expect(before.json().data).toMatchObject({ communityId: community.id, email: null });

    const set = await put(member, community.slug, { email: 'daily' });
    expect(set.statusCode).toBe(200);
    expect(set.json().data).toMatchObject({ slug: community.slug, name: community.name, email: 'daily' });
    const list = await t.app.inject({ method: 'GET', url: '/api/notifications/communities', headers });
    expect(list.json().data).toEqual([
      { communityId: community.id, slug: community.slug, name: community.name, email: 'daily' },
    ]);

    const bad = await put(member, community.slug, { email: 'hourly' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('email');
    const extra = await put(member, community.slug, { email: 'off', colour: 'red' });
    expect(extra.statusCode).toBe(400);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.slug}/email`,
      headers,
    });
    expect(after.json().data.email).toBe('daily');

    const reset = await put(member, community.slug, { email: 'default' });
    expect(reset.json().data.email).toBeNull();
  });

  it('a community set to daily keeps its announcements for the digest; off sends nothing; others get them at once', async () => {
    const { leader, member, other, community } = await world();
    expect((await put(member, community.slug, { email: 'daily' })).statusCode).toBe(200);
    await announce(leader, community.slug, 'Daily-kept news');
    expect(await emailsAbout(member.user.email, 'Daily-kept news')).toBe(0);
    expect(await emailsAbout(other.user.email, 'Daily-kept news')).toBe(1);
    // The announcement others get at once can stop the whole community's email in one click.
    const [sent] = (
      await t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, other.user.email))
    ).filter((m) => m.subject.includes('Daily-kept news'));
    const stop = /Stop every email from this community in one click: \S+\/unsubscribe\/(\S+)/.exec(
      sent?.textBody ?? '',
    );
    const described = await t.app.inject({ method: 'GET', url: `/api/unsubscribe/${stop?.[1] ?? 'x'}` });
    expect(described.json().data).toMatchObject({ scope: 'community', community: { name: community.name } });
    const [kept] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, member.user.id), eq(notifications.kind, 'community.announcement')));
    expect(kept).toMatchObject({ digest: 'daily', communityId: community.id, readAt: null });

    expect((await put(member, community.slug, { email: 'off' })).statusCode).toBe(200);
    await announce(leader, community.slug, 'Silenced news');
    expect(await emailsAbout(member.user.email, 'Silenced news')).toBe(0);
    const rows = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, member.user.id));
    // Still in the notification centre, not waiting for a digest.
    expect(rows.find((r) => r.title.includes('Silenced news'))).toMatchObject({ digest: null });
  });

  it('a Ping to a member whose community choice is weekly waits for the digest; others get it with answer links', async () => {
    const { leader, member, other, community } = await world();
    expect((await put(member, community.slug, { email: 'weekly' })).statusCode).toBe(200);
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.slug}/pings`,
      headers: { cookie: leader.cookie },
      payload: {
        question: 'Digest or not?',
        kind: 'choice',
        choices: ['Yes', 'No'],
        audience: 'all',
        windowHours: 24,
      },
    });
    expect(sent.statusCode).toBe(201);
    expect(await emailsAbout(member.user.email, 'a quick question')).toBe(0);
    expect(await emailsAbout(other.user.email, 'a quick question')).toBe(1);
    const [kept] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, member.user.id), eq(notifications.kind, 'community.ping')));
    expect(kept).toMatchObject({ digest: 'weekly', communityId: community.id });
  });

  it('a per-kind daily choice applies where no community choice overrides it', async () => {
    const { leader, member, community } = await world();
    await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers: { cookie: member.cookie },
      payload: { preferences: [{ kind: 'community.announcement', email: 'weekly' }] },
    });
    await announce(leader, community.slug, 'Weekly-kept news');
    expect(await emailsAbout(member.user.email, 'Weekly-kept news')).toBe(0);
    expect((await put(member, community.slug, { email: 'immediately' })).statusCode).toBe(200);
    await announce(leader, community.slug, 'At once news');
    expect(await emailsAbout(member.user.email, 'At once news')).toBe(1);
  });
});

describe('unsubscribe links of digests (#16 §3)', () => {
  const link = async (userId: string, scope: Parameters<Awaited<ReturnType<typeof unsubscribeSigner>>>[1]) =>
    (await unsubscribeSigner(t.database.db))(userId, scope);

  it('the digest link turns every daily or weekly choice off, and nothing else', async () => {
    const { member, community } = await world();
    await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers: { cookie: member.cookie },
      payload: { preferences: [{ kind: 'discussion.reply', email: 'weekly' }] },
    });
    await put(member, community.slug, { email: 'daily' });
    const token = await link(member.user.id, 'digest');
    const asked = await t.app.inject({ method: 'GET', url: `/api/unsubscribe/${token}` });
    expect(asked.json().data).toMatchObject({ scope: 'digest', community: null, off: false });
    const done = await t.app.inject({ method: 'POST', url: `/unsubscribe/${token}`, payload: {} });
    expect(done.json().data).toMatchObject({ scope: 'digest', off: true });
    const kinds = (
      await t.app.inject({
        method: 'GET',
        url: '/api/notifications/preferences',
        headers: { cookie: member.cookie },
      })
    ).json().data as { kind: string; email: string }[];
    expect(kinds.find((k) => k.kind === 'discussion.reply')?.email).toBe('off');
    expect(kinds.find((k) => k.kind === 'community.digest')?.email).toBe('off');
    expect(kinds.find((k) => k.kind === 'community.announcement')?.email).toBe('immediately');
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.slug}/email`,
      headers: { cookie: member.cookie },
    });
    expect(mine.json().data.email).toBe('off');
  });

  it('the link for everything also turns community choices off; a community link for a forged id is refused', async () => {
    const { member, community } = await world();
    await put(member, community.slug, { email: 'immediately' });
    const token = await link(member.user.id, 'all');
    await t.app.inject({ method: 'POST', url: `/api/unsubscribe/${token}` });
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.slug}/email`,
      headers: { cookie: member.cookie },
    });
    expect(mine.json().data.email).toBe('off');
    const gone = await link(member.user.id, 'community:00000000-0000-4000-8000-000000000000');
    const refused = await t.app.inject({ method: 'POST', url: `/api/unsubscribe/${gone}` });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('token');
  });
});
