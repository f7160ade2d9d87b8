import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages, notifications } from '../../db/schema/index.ts';
import { type NewNotification, notifyUser } from '../../services/notifications/notify.ts';
import { unitOfWork } from '../../services/unit-of-work.ts';
import { getTestApp, type TestApp } from '../../test/app.ts';
import { signedInUser } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

/** Tells someone something in a unit of work of its own, as a service would. */
const notify = (notification: NewNotification) =>
  unitOfWork(t.app.deps, (tx, outbox) => notifyUser(tx, outbox, 'http://localhost:3000', notification));

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload: payload as object } : {}) });

describe('notifications', () => {
  it('lists, counts and marks notifications read, only my own', async () => {
    const me = await signedInUser(t.app);
    const other = await signedInUser(t.app);
    for (const title of ['First', 'Second']) {
      await notify({
        userId: me.user.id,
        kind: 'admin.announcement',
        title,
        body: 'Hello',
        url: '/people',
      });
    }
    expect((await call('GET', '/api/notifications/unread-count', me.cookie)).json().data.count).toBe(2);
    const list = (await call('GET', '/api/notifications', me.cookie)).json().data as {
      id: string;
      title: string;
      read: boolean;
    }[];
    expect(list.map((n) => n.title)).toEqual(['Second', 'First']);
    const firstId = list[1]?.id ?? '';
    expect((await call('POST', `/api/notifications/${firstId}/read`, other.cookie)).statusCode).toBe(404);
    expect((await call('POST', `/api/notifications/${firstId}/read`, me.cookie)).statusCode).toBe(200);
    expect((await call('GET', '/api/notifications/unread-count', me.cookie)).json().data.count).toBe(1);
    const unread = (await call('GET', '/api/notifications?unread=true', me.cookie)).json().data as {
      title: string;
    }[];
    expect(unread.map((n) => n.title)).toEqual(['Second']);
    await call('POST', '/api/notifications/read-all', me.cookie);
    expect((await call('GET', '/api/notifications/unread-count', me.cookie)).json().data.count).toBe(0);
    expect((await call('GET', '/api/notifications', other.cookie)).json().data).toHaveLength(0);
  });

  it('emails a notification unless the person turned that kind off', async () => {
    const me = await signedInUser(t.app);
    const prefs = await call('GET', '/api/notifications/preferences', me.cookie);
    expect(prefs.json().data).toContainEqual(
      expect.objectContaining({ kind: 'admin.announcement', email: 'immediately' }),
    );
    const emailsTo = async () =>
      (await t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, me.user.email)))
        .length;

    await notify({
      userId: me.user.id,
      kind: 'admin.announcement',
      title: 'On',
      body: '',
      url: '/',
    });
    expect(await emailsTo()).toBe(1);

    const saved = await call('PUT', '/api/notifications/preferences', me.cookie, {
      preferences: [{ kind: 'admin.announcement', email: 'off' }],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().data).toContainEqual(
      expect.objectContaining({ kind: 'admin.announcement', email: 'off' }),
    );
    await notify({
      userId: me.user.id,
      kind: 'admin.announcement',
      title: 'Off',
      body: '',
      url: '/',
    });
    expect(await emailsTo()).toBe(1);
    expect((await call('GET', '/api/notifications/unread-count', me.cookie)).json().data.count).toBe(2);
  });

  it('pages through notifications written in the same instant without skipping any', async () => {
    const me = await signedInUser(t.app);
    // One statement: every row gets the same now(), down to the microsecond.
    await t.app.deps.database.db.insert(notifications).values(
      Array.from({ length: 7 }, (_, i) => ({
        userId: me.user.id,
        kind: 'admin.announcement',
        title: `Same instant ${i}`,
      })),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/notifications?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await call('GET', url, me.cookie)).json() as {
        data: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.data.map((n) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('refuses unknown kinds and choices', async () => {
    const me = await signedInUser(t.app);
    const bad = await call('PUT', '/api/notifications/preferences', me.cookie, {
      preferences: [{ kind: 'nope', email: 'daily' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(expect.arrayContaining(['preferences.0.kind']));
  });
});
