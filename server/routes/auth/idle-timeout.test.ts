import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema/index.ts';
import { getTestApp, type TestApp } from '../../test/app.ts';
import { signedInUser } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

/** Pretends the person's sessions saw their last request `minutes` ago. */
async function idleFor(userId: string, minutes: number): Promise<void> {
  await t.database.db
    .update(sessions)
    .set({ lastSeenAt: sql`now() - make_interval(mins => ${minutes}::int)` })
    .where(eq(sessions.userId, userId));
}

describe('the idle time-out', () => {
  it('says when the session ends, on every answer and on asking, without extending it', async () => {
    const member = await signedInUser(t.app);
    const me = await get('/api/me', member.cookie);
    const deadline = Date.parse(String(me.headers['x-session-idle-expires']));
    expect(deadline - Date.now()).toBeGreaterThan(479 * 60_000);
    expect(deadline - Date.now()).toBeLessThanOrEqual(480 * 60_000);

    await idleFor(member.user.id, 100);
    const status = await get('/api/auth/session', member.cookie);
    expect(status.statusCode).toBe(200);
    const { idleExpiresAt, idleMinutes } = status.json().data;
    expect(idleMinutes).toBe(480);
    expect(Date.parse(idleExpiresAt) - Date.now()).toBeLessThan(381 * 60_000);
    const again = await get('/api/auth/session', member.cookie);
    expect(again.json().data.idleExpiresAt).toBe(idleExpiresAt);
  });

  it("ends a member's session after 8 idle hours, and keeps it before", async () => {
    const member = await signedInUser(t.app);
    await idleFor(member.user.id, 470);
    expect((await get('/api/me', member.cookie)).statusCode).toBe(200);
    await idleFor(member.user.id, 481);
    const ended = await get('/api/me', member.cookie);
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error).toBe('unauthenticated');
  });

  it('gives administrators 30 minutes, and restarts the clock when they stay signed in', async () => {
    const admin = await signedInUser(t.app, { role: 'administrator' });
    await idleFor(admin.user.id, 25);
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/session/refresh',
      headers: { cookie: admin.cookie },
    });
    expect(refresh.statusCode).toBe(200);
    expect(refresh.json().data.idleMinutes).toBe(30);
    expect(Date.parse(refresh.json().data.idleExpiresAt) - Date.now()).toBeGreaterThan(29 * 60_000);
    await idleFor(admin.user.id, 31);
    expect((await get('/api/me', admin.cookie)).statusCode).toBe(401);
  });

  it('ends a session 90 days after signing in however often it is used, and never slides past that', async () => {
    const member = await signedInUser(t.app);
    const signedInDaysAgo = (days: number) =>
      t.database.db
        .update(sessions)
        .set({
          createdAt: sql`now() - make_interval(days => ${days}::int)`,
          lastSeenAt: sql`now() - interval '10 minutes'`,
        })
        .where(eq(sessions.userId, member.user.id));
    await signedInDaysAgo(80);
    expect((await get('/api/me', member.cookie)).statusCode).toBe(200);
    const [row] = await t.database.db
      .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.userId, member.user.id));
    // Used just now, the 30-day expiry slid only to the 90th day after signing in.
    expect((row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0)).toBe(90 * 86_400_000);
    await signedInDaysAgo(91);
    const ended = await get('/api/me', member.cookie);
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error).toBe('unauthenticated');
  });

  it('leaves idle sessions out of the sessions list', async () => {
    const member = await signedInUser(t.app);
    const list = await get('/api/auth/sessions', member.cookie);
    expect(list.json().data).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
  });
});
