import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../../db/schema/index.ts';
import { getTestApp, type TestApp } from '../../test/app.ts';
import { createUser, latestEmailTo, testPassword } from '../../test/factories.ts';

// Behind a reverse proxy (TRUST_PROXY=true) the client's address comes from X-Forwarded-For, so an
// attacker can appear to come from as many addresses as they like.
let t: TestApp;
beforeAll(async () => {
  t = await getTestApp({ env: { TRUST_PROXY: 'true' } });
});
afterAll(async () => t.close());

const signIn = (from: string, email: string, password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/signin',
    headers: { 'x-forwarded-for': from },
    payload: { email, password },
  });

const owner = '203.0.113.10';
const attacker = (i: number) => `198.51.100.${i}`;

const signinLinkEmails = async (address: string) =>
  t.database.db
    .select()
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.toAddress, address),
        eq(mailMessages.subject, 'Your one-time link to sign in to Copse'),
      ),
    );

describe('guessing a password', () => {
  it('does not lock the owner out while a stranger fails from many addresses', async () => {
    const user = await createUser(t.database.db);
    // One failure from each of forty addresses, five from another: 45, under the account's budget.
    for (let i = 2; i < 42; i++) {
      expect((await signIn(attacker(i), user.email, `guess ${i}`)).statusCode).toBe(401);
    }
    for (let i = 0; i < 5; i++)
      expect((await signIn(attacker(1), user.email, `guess ${i}`)).statusCode).toBe(401);
    // That address now waits, even with the right password.
    const waiting = await signIn(attacker(1), user.email, testPassword);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['retry-after']).toBe('1');
    expect(waiting.json()).toMatchObject({ error: 'rate_limited', fields: { password: 'wait' } });

    const mine = await signIn(owner, user.email, testPassword);
    expect(mine.statusCode).toBe(200);
    expect(mine.cookies.some((cookie) => cookie.name === 'copse_session')).toBe(true);
    expect(await signinLinkEmails(user.email)).toHaveLength(0);
  });

  it('doubles the wait with each failure past the free ones', async () => {
    const user = await createUser(t.database.db);
    const from = attacker(250);
    for (let i = 0; i < 5; i++) expect((await signIn(from, user.email, 'a guess')).statusCode).toBe(401);
    expect((await signIn(from, user.email, 'a guess')).headers['retry-after']).toBe('1');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await signIn(from, user.email, 'a guess')).statusCode).toBe(401);
    const longer = await signIn(from, user.email, 'a guess');
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('2');
    expect(longer.json().message).toBe(
      'Too many failed attempts from here. Wait 2 seconds before trying again.',
    );
  });

  it('pauses password sign-in once the account budget is spent and emails the owner a one-time link', async () => {
    const user = await createUser(t.database.db);
    const nobody = 'nobody.at.all@example.test';
    for (let i = 1; i <= 50; i++) {
      expect((await signIn(attacker(100 + (i % 50)), user.email, `guess ${i}`)).statusCode).toBe(401);
      await signIn(attacker(100 + (i % 50)), nobody, `guess ${i}`);
    }
    // The owner is warned at once, by one email, however many attempts follow.
    expect(await signinLinkEmails(user.email)).toHaveLength(1);

    // Now even the right password, from the owner's own address, is answered with the link state; an
    // address without an account gets the same answer.
    const mine = await signIn(owner, user.email, testPassword);
    const theirs = await signIn(owner, nobody, testPassword);
    expect(mine.statusCode).toBe(429);
    expect(mine.json()).toEqual(theirs.json());
    expect(mine.json().fields).toEqual({ email: 'signin_link_sent' });
    expect(mine.cookies.some((cookie) => cookie.name === 'copse_session')).toBe(false);
    expect(await signinLinkEmails(user.email)).toHaveLength(1);
    expect(await signinLinkEmails(nobody)).toHaveLength(0);

    // The link signs the owner in, once.
    const { link, token } = await latestEmailTo(t.database.db, user.email);
    expect(link).toContain('/signin-link?token=');
    const used = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin-link',
      headers: { 'x-forwarded-for': owner },
      payload: { token },
    });
    expect(used.statusCode).toBe(200);
    const session = used.cookies.find((cookie) => cookie.name === 'copse_session');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `copse_session=${session?.value}` },
    });
    expect(me.json().data).toMatchObject({ email: user.email });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin-link',
      headers: { 'x-forwarded-for': owner },
      payload: { token },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().fields).toEqual({ token: 'invalid or expired' });
  });

  it('limits failures from one address across many accounts', async () => {
    const from = '192.0.2.200';
    for (let i = 0; i < 30; i++) {
      expect((await signIn(from, `person${i}@example.test`, 'a guess')).statusCode).toBe(401);
    }
    const user = await createUser(t.database.db);
    const next = await signIn(from, user.email, testPassword);
    expect(next.statusCode).toBe(429);
    expect(Number(next.headers['retry-after'])).toBeGreaterThan(60);
    expect((await signIn(owner, user.email, testPassword)).statusCode).toBe(200);
  });
});
