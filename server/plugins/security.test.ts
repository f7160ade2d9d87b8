import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema/index.ts';
import { getTestApp, requester, type TestApp } from '../test/app.ts';
import { createUser, testPassword } from '../test/factories.ts';

/** The headers and the session cookie of an installation served over https (docs/security.md, V3). */
let t: TestApp;
beforeAll(async () => {
  t = await getTestApp({ env: { PUBLIC_URL: 'https://copse.example' } });
});
afterAll(async () => t.close());

const signIn = (email: string, password: string) =>
  requester(t)('POST', '/api/auth/signin', undefined, { email, password });

/** A member signed in on this https installation: their `__Host-` session cookie. */
async function signedIn() {
  const user = await createUser(t.database.db);
  const cookie = String((await signIn(user.email, testPassword)).headers['set-cookie']).split(';')[0] ?? '';
  return { user, cookie };
}

describe('over https', () => {
  it('sends HSTS, a CSP that forbids framing, plugins and other bases, and no referrer', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'self';/);
    expect(csp).toMatch(/connect-src 'self';/);
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain('upgrade-insecure-requests');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('names the session cookie __Host- and sends it Secure, HttpOnly and SameSite=Lax', async () => {
    const user = await createUser(t.database.db);
    const signin = await requester(t)('POST', '/api/auth/signin', undefined, {
      email: user.email,
      password: testPassword,
    });
    expect(signin.statusCode).toBe(200);
    const setCookie = String(signin.headers['set-cookie']);
    expect(setCookie).toMatch(/^__Host-copse_session=[^;]+;/);
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Domain=');
    for (const flag of ['Secure', 'HttpOnly', 'SameSite=Lax']) expect(setCookie).toContain(flag);
  });
});

describe('passwords', () => {
  it('takes 64 characters of any composition, checks them exactly as typed, and stores argon2id', async () => {
    const { user, cookie } = await signedIn();
    const long = ` ${'lowercase words only and spaces '.repeat(2).slice(0, 61)} é`;
    expect(long).toHaveLength(64);
    const changed = await requester(t)('POST', '/api/auth/password', cookie, {
      currentPassword: testPassword,
      newPassword: long,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await signIn(user.email, long)).statusCode).toBe(200);
    for (const near of [long.trim(), long.toUpperCase(), long.slice(0, 63)])
      expect((await signIn(user.email, near)).statusCode, near).toBe(401);
  });
});

describe('requests the API never takes', () => {
  it('refuses a query parameter given twice, naming it', async () => {
    const { cookie } = await signedIn();
    const response = await requester(t)('GET', '/api/communities?limit=5&limit=50', cookie);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toHaveProperty('limit');
  });

  it('refuses JSON that would pollute prototypes, before any route sees it', async () => {
    for (const payload of [
      '{"email":"a@b.test","password":"long enough pass","__proto__":{"role":"administrator"}}',
      '{"email":"a@b.test","password":"long enough pass","constructor":{"prototype":{"role":"x"}}}',
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/signin',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode, payload).toBe(400);
      // Refused by the JSON parser (secure-json-parse), not by the route's schema.
      expect(response.json().error, payload).toBe('bad_request');
    }
  });

  it('answers TRACE and other unrouted methods with a JSON 404, echoing nothing', async () => {
    for (const method of ['TRACE', 'OPTIONS'] as const) {
      const response = await t.app.inject({
        method,
        url: '/api/health',
        headers: { 'x-echo': 'secret-cookie' },
      });
      expect(response.statusCode, method).toBe(404);
      expect(response.body).not.toContain('secret-cookie');
      expect(response.headers['access-control-allow-origin'], method).toBeUndefined();
    }
  });
});
