import { createHash } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages, sessions, users } from '../../db/schema/index.ts';
import { getTestApp, type TestApp } from '../../test/app.ts';
import { createUser, latestEmailTo, signedInUser, signInAs, testPassword } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const post = (url: string, payload: unknown, cookie?: string) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: cookie ? { cookie } : {} });

describe('set-up', () => {
  it('creates the first administrator once, signed in, and refuses a second time', async () => {
    const before = await t.app.inject({ method: 'GET', url: '/api/institution' });
    expect(before.json().data.setupNeeded).toBe(true);
    const body = {
      institutionName: 'Test University',
      email: 'Root@Example.test',
      password: 'a long admin password',
      displayName: 'Root',
    };
    const first = await post('/api/setup', body);
    expect(first.statusCode).toBe(201);
    const cookie = first.cookies.find((c) => c.name === 'copse_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `copse_session=${cookie?.value}` },
    });
    expect(me.json().data).toMatchObject({
      email: 'root@example.test',
      role: 'administrator',
      emailVerified: true,
    });
    const again = await post('/api/setup', { ...body, email: 'other@example.test' });
    expect(again.statusCode).toBe(409);
    const after = await t.app.inject({ method: 'GET', url: '/api/institution' });
    expect(after.json().data).toMatchObject({ setupNeeded: false, name: 'Test University' });
  });
});

describe('sign-up, confirmation and sign-in', () => {
  it('signs up, confirms by the emailed link once, signs in and out', async () => {
    const email = 'new.person@example.test';
    const signup = await post('/api/auth/signup', {
      email,
      password: 'twelve chars ok',
      displayName: 'New Person',
    });
    expect(signup.statusCode).toBe(201);

    const early = await post('/api/auth/signin', { email, password: 'twelve chars ok' });
    expect(early.statusCode).toBe(403);
    expect(early.json().fields).toEqual({ email: 'not_confirmed' });

    const { message, token } = await latestEmailTo(t.database.db, email);
    expect(message?.subject).toMatch(/confirm/i);
    expect(token).toBeTruthy();
    expect((await post('/api/auth/confirm-email', { token })).statusCode).toBe(200);
    const reused = await post('/api/auth/confirm-email', { token });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error).toBe('bad_request');

    const signin = await post('/api/auth/signin', {
      email: 'NEW.person@example.test',
      password: 'twelve chars ok',
    });
    expect(signin.statusCode).toBe(200);
    const cookie = `copse_session=${signin.cookies.find((c) => c.name === 'copse_session')?.value}`;
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json().data).toMatchObject({ displayName: 'New Person', emailVerified: true, role: 'member' });

    const signout = await post('/api/auth/signout', {}, cookie);
    expect(signout.statusCode).toBe(200);
    expect(signout.headers['clear-site-data']).toBe('"cache"');
    const gone = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(gone.statusCode).toBe(401);
  });

  it('gives a new session token at every sign-in and stores only its hash', async () => {
    const user = await createUser(t.database.db);
    const a = await signInAs(t.app, user.email);
    const b = await signInAs(t.app, user.email);
    expect(a).not.toEqual(b);
    const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(a).not.toContain(row.id);
      expect(row.id).toMatch(/^[0-9a-f]{64}$/);
    }
    // Each token is 256 random bits (at least the 128 ASVS V7.2.3 asks), and the row holds its SHA-256.
    const tokens = [a, b].map((cookie) => cookie.replace('copse_session=', ''));
    for (const token of tokens) {
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(rows.map((row) => row.id)).toContain(createHash('sha256').update(token).digest('hex'));
    }
    // Random, not counted or stamped: 20 more tokens share no 48-bit prefix (a clock or a counter would).
    const many: string[] = [];
    for (let i = 0; i < 20; i++) many.push(await signInAs(t.app, user.email));
    const values = new Set(many.map((cookie) => cookie.replace('copse_session=', '').slice(0, 8)));
    expect(values.size).toBe(20);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const user = await createUser(t.database.db);
    const wrong = await post('/api/auth/signin', { email: user.email, password: 'not the password' });
    const unknown = await post('/api/auth/signin', {
      email: 'nobody@example.test',
      password: 'not the password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('makes one address wait after repeated failures, and only that address', async () => {
    const user = await createUser(t.database.db);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (await post('/api/auth/signin', { email: user.email, password: 'wrong password!' })).statusCode,
      );
    }
    // Five free failures, then the sixth comes within the one-second wait the fifth set.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const waiting = await post('/api/auth/signin', { email: user.email, password: testPassword });
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().fields).toEqual({ password: 'wait' });
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      remoteAddress: '192.0.2.44',
      payload: { email: user.email, password: testPassword },
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('refuses bad sign-up input with field messages and writes nothing', async () => {
    const [{ value: usersBefore } = { value: 0 }] = await t.database.db
      .select({ value: count() })
      .from(users);
    const [{ value: mailBefore } = { value: 0 }] = await t.database.db
      .select({ value: count() })
      .from(mailMessages);
    const cases: [unknown, string][] = [
      [{ email: 'not-an-email', password: 'long enough pass', displayName: 'X' }, 'email'],
      [{ email: 'short@example.test', password: 'short', displayName: 'X' }, 'password'],
      [{ email: 'name@example.test', password: 'long enough pass', displayName: '' }, 'displayName'],
      [
        {
          email: 'extra@example.test',
          password: 'long enough pass',
          displayName: 'X',
          role: 'administrator',
        },
        'body',
      ],
      [{ email: 42, password: 'long enough pass', displayName: 'X' }, 'email'],
      // A common password (ASVS V6.2.4), and the person's own words (V6.2.11): name, address, "copse".
      [{ email: 'common@example.test', password: 'Password1234', displayName: 'X' }, 'password'],
      [{ email: 'ada.lovelace@example.test', password: 'Ada Lovelace 1815', displayName: 'Ada' }, 'password'],
      [{ email: 'grace@example.test', password: 'Grace Hopper!!', displayName: 'Grace Hopper' }, 'password'],
      [{ email: 'someone@example.test', password: 'copse 2026 !!', displayName: 'X' }, 'password'],
    ];
    for (const [payload, field] of cases) {
      const response = await post('/api/auth/signup', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const body = response.json();
      expect(body.error).toBe('validation_failed');
      expect(Object.keys(body.fields).join(',')).toContain(field === 'body' ? '' : field);
    }
    const [{ value: usersAfter } = { value: 0 }] = await t.database.db.select({ value: count() }).from(users);
    const [{ value: mailAfter } = { value: 0 }] = await t.database.db
      .select({ value: count() })
      .from(mailMessages);
    expect(usersAfter).toBe(usersBefore);
    expect(mailAfter).toBe(mailBefore);
  });

  it('answers sign-up for an address with an account exactly as for a new one, and emails its owner', async () => {
    const user = await createUser(t.database.db);
    const signUp = (email: string, from: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        remoteAddress: from,
        payload: { email, password: 'an attacker password', displayName: 'Someone' },
      });
    const fresh = await signUp('brand.new.person@example.test', '192.0.2.61');
    const existing = await signUp(user.email.toUpperCase(), '192.0.2.62');
    expect(existing.statusCode).toBe(fresh.statusCode);
    expect(existing.statusCode).toBe(201);
    expect(existing.json()).toEqual(fresh.json());

    const { message } = await latestEmailTo(t.database.db, user.email);
    expect(message?.subject).toBe('Someone tried to sign up to Copse with your address');
    expect(message?.textBody).toContain('nothing was changed');
    // Nothing changed: the owner's password still works, the one typed at sign-up does not.
    expect((await post('/api/auth/signin', { email: user.email, password: testPassword })).statusCode).toBe(
      200,
    );
    const typed = await post('/api/auth/signin', { email: user.email, password: 'an attacker password' });
    expect(typed.statusCode).toBe(401);

    // At most one such email an hour.
    expect((await signUp(user.email, '192.0.2.63')).statusCode).toBe(201);
    const notices = await t.database.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.toAddress, user.email));
    expect(notices).toHaveLength(1);
  });

  it('sends an unconfirmed account its confirmation link again when someone signs up with it', async () => {
    const email = 'waiting.person@example.test';
    const payload = { email, password: 'twelve chars ok', displayName: 'Waiting Person' };
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      remoteAddress: '192.0.2.64',
      payload,
    });
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      remoteAddress: '192.0.2.64',
      payload,
    });
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.json()).toEqual(first.json());
    const messages = await t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    expect(messages.map((m) => m.subject)).toEqual([
      'Confirm your email address for Copse',
      'Confirm your email address for Copse',
    ]);
    const { token } = await latestEmailTo(t.database.db, email);
    expect((await post('/api/auth/confirm-email', { token })).statusCode).toBe(200);
    expect((await post('/api/auth/signin', { email, password: 'twelve chars ok' })).statusCode).toBe(200);
  });

  it('spends the same password-hashing time on sign-up for an address with an account', async () => {
    const user = await createUser(t.database.db);
    const time = async (email: string, from: string) => {
      const started = performance.now();
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        remoteAddress: from,
        payload: { email, password: 'long enough pass', displayName: 'Timing' },
      });
      expect(response.statusCode).toBe(201);
      return performance.now() - started;
    };
    const fresh: number[] = [];
    const existing: number[] = [];
    for (let i = 0; i < 3; i++) {
      fresh.push(await time(`timing.${i}@example.test`, `192.0.2.${70 + i}`));
      existing.push(await time(user.email, `192.0.2.${80 + i}`));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1] ?? 0;
    // Loose on purpose (the machine may be busy): answering without hashing took a few per cent of the time.
    expect(median(existing)).toBeGreaterThan(median(fresh) * 0.4);
  });

  it('answers malformed JSON, a wrong content type and a huge body with clear 4xx', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toBe('bad_request');
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(2_000_000), displayName: 'Big' }),
    });
    expect(huge.statusCode).toBe(413);
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
  });

  it('refuses state-changing requests from another site', async () => {
    const user = await createUser(t.database.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      payload: { email: user.email, password: testPassword },
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses an opaque Origin: null (sandboxed frames, file: pages), even with a session', async () => {
    const { cookie } = await signedInUser(t.app);
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { origin: 'null', cookie },
      payload: { displayName: 'Renamed from a sandbox' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      error: 'forbidden',
      message: 'Cross-site requests are not allowed.',
    });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json().data.displayName).not.toBe('Renamed from a sandbox');
  });

  it('keeps the session out of cross-site form posts', async () => {
    // The session cookie is SameSite=Lax and HttpOnly: a browser sends it on no cross-site POST.
    const user = await createUser(t.database.db);
    const signin = await post('/api/auth/signin', { email: user.email, password: testPassword });
    const setCookie = String(signin.headers['set-cookie']);
    expect(setCookie).toMatch(/copse_session=[^;]+;/);
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('HttpOnly');
    // What a current browser sends for a top-level form post from another site: refused by its headers.
    const form = {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'navigate',
    };
    const modern = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signout',
      headers: form,
      payload: 'x=1',
    });
    expect(modern.statusCode).toBe(403);
    // A browser that sends neither Origin nor Sec-Fetch-Site still leaves the Lax cookie out, so the
    // request passes the origin check and reaches the route as nobody.
    const old = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { 'content-type': 'application/json' },
      payload: { displayName: 'Changed cross-site' },
    });
    expect(old.statusCode).toBe(401);
  });

  it('sets strict security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBeDefined();
  });
});

describe('password reset and change', () => {
  it('resets a forgotten password by the emailed link and ends every session', async () => {
    const { user, cookie } = await signedInUser(t.app);
    const unknown = await post('/api/auth/password-reset', { email: 'nobody-here@example.test' });
    const known = await post('/api/auth/password-reset', { email: user.email });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    const { token } = await latestEmailTo(t.database.db, user.email);
    expect(token).toBeTruthy();
    const weak = await post('/api/auth/password-reset/complete', { token, password: 'short' });
    expect(weak.statusCode).toBe(400);
    // A common password, or the person's own address: refused, and the link stays good.
    for (const password of ['123456789012', user.email]) {
      const refused = await post('/api/auth/password-reset/complete', { token, password });
      expect(refused.statusCode, password).toBe(400);
      expect(refused.json().fields).toHaveProperty('password');
    }
    const done = await post('/api/auth/password-reset/complete', { token, password: 'a brand new password' });
    expect(done.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    expect(
      (await post('/api/auth/password-reset/complete', { token, password: 'another new password' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await post('/api/auth/signin', { email: user.email, password: 'a brand new password' })).statusCode,
    ).toBe(200);
  });

  it("refuses a common password or the person's own words as the new one, and keeps the old", async () => {
    const user = await createUser(t.database.db, { displayName: 'Katherine Johnson' });
    const cookie = await signInAs(t.app, user.email);
    for (const newPassword of ['qwertyuiop12', 'Katherine.Johnson', user.email, user.email.toUpperCase()]) {
      const refused = await post(
        '/api/auth/password',
        { currentPassword: testPassword, newPassword },
        cookie,
      );
      expect(refused.statusCode, newPassword).toBe(400);
      expect(refused.json().fields).toHaveProperty('newPassword');
    }
    expect(await signInAs(t.app, user.email)).toBeTruthy();
  });

  it('changes the password with the current one and keeps only this session', async () => {
    const user = await createUser(t.database.db);
    const other = await signInAs(t.app, user.email);
    const current = await signInAs(t.app, user.email);
    const wrong = await post(
      '/api/auth/password',
      { currentPassword: 'nope nope nope', newPassword: 'fresh password 1' },
      current,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toHaveProperty('currentPassword');
    const ok = await post(
      '/api/auth/password',
      { currentPassword: testPassword, newPassword: 'fresh password 1' },
      current,
    );
    expect(ok.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: current } })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: other } })).statusCode,
    ).toBe(401);
  });
});

describe('sessions', () => {
  it('lists my sessions and revokes another one', async () => {
    const user = await createUser(t.database.db);
    const other = await signInAs(t.app, user.email);
    const mine = await signInAs(t.app, user.email);
    const list = await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: { cookie: mine } });
    const data = list.json().data as { id: string; current: boolean }[];
    expect(data).toHaveLength(2);
    const target = data.find((s) => !s.current);
    expect(target).toBeDefined();
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${target?.id}`,
      headers: { cookie: mine },
    });
    expect(revoke.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: other } })).statusCode,
    ).toBe(401);
  });

  it("cannot revoke someone else's session", async () => {
    const a = await signedInUser(t.app);
    const b = await signedInUser(t.app);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/auth/sessions',
      headers: { cookie: b.cookie },
    });
    const id = (list.json().data as { id: string }[])[0]?.id;
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${id}`,
      headers: { cookie: a.cookie },
    });
    expect(response.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: b.cookie } })).statusCode,
    ).toBe(200);
  });

  it('needs a session for my data', async () => {
    for (const url of ['/api/me', '/api/auth/sessions', '/api/people', '/api/notifications']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
      expect(response.json().error).toBe('unauthenticated');
    }
  });
});
