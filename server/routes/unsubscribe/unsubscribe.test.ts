import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationKinds } from '../../../common/enums.ts';
import { mailMessages, notificationPreferences } from '../../db/schema/index.ts';
import { unsubscribeSigner } from '../../services/notifications/unsubscribe-link.ts';
import { getTestApp, type TestApp } from '../../test/app.ts';
import { createUser, latestEmailTo, signedInUser } from '../../test/factories.ts';

let t: TestApp;
let admin: { cookie: string };

beforeAll(async () => {
  t = await getTestApp();
  admin = await signedInUser(t.app, { role: 'administrator' });
});
afterAll(async () => t.close());

/** A role change: the person gets an `account.role_changed` notification, emailed by default. */
async function changeRole(userId: string, role: 'coordinator' | 'member') {
  const response = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/users/${userId}`,
    headers: { cookie: admin.cookie },
    payload: { role },
  });
  expect(response.statusCode).toBe(200);
}

const emailsTo = async (address: string) =>
  (await t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, address))).length;

const preferencesOf = async (cookie: string) =>
  (await t.app.inject({ method: 'GET', url: '/api/notifications/preferences', headers: { cookie } })).json()
    .data as { kind: string; email: string }[];

describe('unsubscribing from notification emails', () => {
  it('puts List-Id, List-Unsubscribe and one-click headers and a link on notification emails; one click stops that kind', async () => {
    // Made coordinator (then taken back to member, which keeps their sessions).
    const person = await signedInUser(t.app, { role: 'coordinator' });
    await changeRole(person.user.id, 'member');
    const { message } = await latestEmailTo(t.database.db, person.user.email);
    const headers = message?.headers ?? {};
    expect(headers['List-Id']).toMatch(/^Copse notifications <notifications\.[a-z0-9.-]+>$/);
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const url = new URL(/^<(.+)>$/.exec(headers['List-Unsubscribe'] ?? '')?.[1] ?? 'http://x/');
    expect(url.pathname).toMatch(/^\/unsubscribe\/[\w-]+\.[\w-]+$/);
    expect(message?.textBody).toContain(url.toString());
    const token = url.pathname.split('/')[2] ?? '';

    // Opening the link (a mail scanner, or the confirm page loading) changes nothing.
    const described = await t.app.inject({ method: 'GET', url: `/api/unsubscribe/${token}` });
    expect(described.statusCode).toBe(200);
    expect(described.json().data).toEqual({
      scope: 'account.role_changed',
      community: null,
      email: expect.stringMatching(/^.•+@/),
      off: false,
    });
    expect(described.json().data.email).not.toBe(person.user.email);

    // The mail program's one-click POST: a form body, no session, no Origin.
    const oneClick = await t.app.inject({
      method: 'POST',
      url: url.pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.json().data).toMatchObject({ scope: 'account.role_changed', off: true });
    const chosen = await preferencesOf(person.cookie);
    expect(chosen.find((row) => row.kind === 'account.role_changed')?.email).toBe('off');
    expect(chosen.find((row) => row.kind === 'account.security')?.email).toBe('immediately');

    const before = await emailsTo(person.user.email);
    await changeRole(person.user.id, 'coordinator');
    expect(await emailsTo(person.user.email)).toBe(before);
    // Clicking again changes nothing more.
    const again = await t.app.inject({ method: 'POST', url: `/api/unsubscribe/${token}` });
    expect(again.json().data).toMatchObject({ off: true });
  });

  it('a link for all emails turns off every kind but account security', async () => {
    const person = await signedInUser(t.app);
    const token = (await unsubscribeSigner(t.database.db))(person.user.id, 'all');
    const response = await t.app.inject({ method: 'POST', url: `/api/unsubscribe/${token}` });
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toMatchObject({ scope: 'all', off: true });
    const chosen = await preferencesOf(person.cookie);
    for (const kind of notificationKinds)
      expect(chosen.find((row) => row.kind === kind)?.email, kind).toBe(
        kind === 'account.security' ? 'immediately' : 'off',
      );
  });

  it('refuses forged, altered and malformed links, naming the token, and changes nothing', async () => {
    const person = await createUser(t.database.db);
    const sign = await unsubscribeSigner(t.database.db);
    const genuine = sign(person.id, 'all');
    const [body, signature] = genuine.split('.');
    const otherBody = Buffer.concat([Buffer.alloc(16, 7), Buffer.from('all')]).toString('base64url');
    // The signature with its first byte changed. Replacing its last two characters with "AA" failed CI
    // once: when they already stood for the same bytes (the last one's low bits are unused), the link
    // was genuine, about one run in 256.
    const altered = Buffer.from(signature ?? '', 'base64url');
    altered[0] = (altered[0] ?? 0) ^ 0xff;
    const forged = [
      `${otherBody}.${signature}`,
      `${body}.${altered.toString('base64url')}`,
      `${body}`,
      'not-a-token',
      `${body}.${signature}.extra`,
      `${Buffer.from('short').toString('base64url')}.${signature}`,
    ];
    for (const token of forged) {
      for (const [method, url] of [
        ['GET', `/api/unsubscribe/${token}`],
        ['POST', `/api/unsubscribe/${token}`],
        ['POST', `/unsubscribe/${token}`],
      ] as const) {
        const response = await t.app.inject({ method, url });
        expect(response.statusCode, `${method} ${url}`).toBe(400);
        expect(response.json().fields, `${method} ${url}`).toHaveProperty('token');
      }
    }
    const rows = await t.database.db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, person.id));
    expect(rows).toEqual([]);
  });

  it('leaves account emails (a password reset) without list headers', async () => {
    const person = await createUser(t.database.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: person.email },
    });
    expect(response.statusCode).toBeLessThan(300);
    const { message } = await latestEmailTo(t.database.db, person.email);
    expect(message?.subject).toBeTruthy();
    expect(message?.headers ?? {}).not.toHaveProperty('List-Unsubscribe');
  });
});
