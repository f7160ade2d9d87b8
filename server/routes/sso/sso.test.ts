import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertRateLimitHit } from '../../queries/rate-limits.ts';
import { getTestApp, type TestApp } from '../../test/app.ts';
import {
  createUnit,
  createUser,
  latestEmailTo,
  signedInUser,
  signInAs,
  testPassword,
} from '../../test/factories.ts';
import {
  followProvider,
  startTestIdentityProvider,
  type Tamper,
  type TestIdentityProvider,
} from '../../test/identity-provider.ts';

const publicUrl = 'http://localhost:3000';
const callback = `${publicUrl}/api/auth/sso/callback`;

let t: TestApp;
let idp: TestIdentityProvider;
let admin: { cookie: string };
let providerId: string;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, cookie?: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: cookie ? { cookie } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

async function addProvider(at: TestIdentityProvider, name: string): Promise<string> {
  const response = await call('POST', '/api/admin/identity-providers', admin.cookie, {
    name,
    issuer: at.issuer,
    clientId: at.clientId,
    clientSecret: at.clientSecret,
    scopes: 'openid email profile institution',
    unitClaim: 'department',
    unitMap: { CS: 'Computer Science' },
    kindClaim: 'affiliation',
    kindMap: { student: 'student', faculty: 'staff' },
  });
  expect(response.statusCode).toBe(201);
  return response.json().data.id;
}

const cookieOf = (response: { cookies: { name: string; value: string }[] }, name = 'copse_session') => {
  const found = response.cookies.find((cookie) => cookie.name === name && cookie.value);
  return found ? `${name}=${found.value}` : undefined;
};

/** Starts signing in with a provider (answers the provider's authorization address). */
async function start(id: string, next?: string): Promise<string> {
  const response = await call(
    'GET',
    `/api/auth/sso/${id}/start${next ? `?next=${encodeURIComponent(next)}` : ''}`,
  );
  expect(response.statusCode).toBe(302);
  return String(response.headers.location);
}

/** The whole round trip: start, log in at the provider as `subject`, come back. */
async function ssoSignIn(
  subject: string,
  claims: Record<string, unknown>,
  options: {
    at?: TestIdentityProvider;
    id?: string;
    next?: string;
    tamper?: Tamper;
    changeUrl?: (url: URL) => void;
  } = {},
) {
  const at = options.at ?? idp;
  const authorization = new URL(await start(options.id ?? providerId, options.next));
  options.changeUrl?.(authorization);
  at.loginAs(subject, claims);
  if (options.tamper) at.tamperNext(options.tamper);
  const back = new URL(await followProvider(authorization.toString(), callback));
  const response = await call('GET', back.pathname + back.search);
  expect(response.statusCode).toBe(302);
  return { response, back, location: String(response.headers.location), cookie: cookieOf(response) };
}

const me = async (cookie: string | undefined) => (await call('GET', '/api/me', cookie)).json().data;

beforeAll(async () => {
  t = await getTestApp();
  idp = await startTestIdentityProvider({
    redirectUri: callback,
    postLogoutRedirectUri: `${publicUrl}/signin`,
  });
  admin = await signedInUser(t.app, { role: 'administrator' });
  await createUnit(t.database.db, 'Computer Science');
  providerId = await addProvider(idp, 'University login');
});
afterAll(async () => {
  await idp.close();
  await t.close();
});

describe('identity providers in the admin pages', () => {
  it('are for administrators only', async () => {
    const member = await signedInUser(t.app);
    const coordinator = await signedInUser(t.app, { role: 'coordinator' });
    const body = {
      name: 'X provider',
      issuer: 'https://login.example.edu',
      clientId: 'c',
      clientSecret: 's',
    };
    for (const [method, url, payload] of [
      ['GET', '/api/admin/identity-providers'],
      ['POST', '/api/admin/identity-providers', body],
      ['PATCH', `/api/admin/identity-providers/${providerId}`, { enabled: false }],
      ['DELETE', `/api/admin/identity-providers/${providerId}`],
      ['PUT', '/api/admin/sso', { ssoOnly: true }],
    ] as [Method, string, unknown?][]) {
      expect((await call(method, url, undefined, payload)).statusCode).toBe(401);
      expect((await call(method, url, member.cookie, payload)).statusCode).toBe(403);
      expect((await call(method, url, coordinator.cookie, payload)).statusCode).toBe(403);
    }
  });

  it('refuses bad settings field by field, never shows the secret, and audits changes', async () => {
    const bad = await call('POST', '/api/admin/identity-providers', admin.cookie, {
      name: 'A',
      issuer: 'ftp://login.example.edu',
      clientId: '',
      clientSecret: 'secret',
      scopes: 'email profile',
      kindMap: { student: 'pupil' },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(
      expect.arrayContaining(['name', 'issuer', 'clientId', 'scopes', 'kindMap.student']),
    );

    const list = await call('GET', '/api/admin/identity-providers', admin.cookie);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(idp.clientSecret);
    expect(list.json().data[0]).toMatchObject({ clientSecretSet: true, redirectUri: callback });

    const created = await call('POST', '/api/admin/identity-providers', admin.cookie, {
      name: 'Temporary',
      issuer: 'https://login.example.edu/realms/staff',
      clientId: 'copse',
      clientSecret: 'keep-me-secret',
    });
    const id = created.json().data.id;
    const renamed = await call('PATCH', `/api/admin/identity-providers/${id}`, admin.cookie, {
      name: 'Renamed',
    });
    expect(renamed.json().data).toMatchObject({
      name: 'Renamed',
      clientId: 'copse',
      scopes: 'openid email profile',
    });
    expect((await call('DELETE', `/api/admin/identity-providers/${id}`, admin.cookie)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/admin/identity-providers/${id}`, admin.cookie)).statusCode).toBe(404);
    const audit = await call('GET', '/api/admin/audit?limit=10', admin.cookie);
    expect(audit.body).not.toContain('keep-me-secret');
    expect(audit.json().data.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining([
        'identity_provider.create',
        'identity_provider.update',
        'identity_provider.delete',
      ]),
    );
  });
});

describe('signing in with a provider', () => {
  const ada = {
    email: 'ada@uni.test',
    email_verified: true,
    name: 'Ada Lovelace',
    department: 'CS',
    affiliation: 'student',
  };
  let adaId: string;

  it('makes a just-in-time account with unit and kind mapped from the claims, and offers the button', async () => {
    const options = await call('GET', '/api/auth/sso/options');
    expect(options.json().data).toEqual({
      providers: [{ id: providerId, name: 'University login' }],
      ssoOnly: false,
    });

    const { location, cookie } = await ssoSignIn('ada-1', ada);
    expect(location).toBe('/');
    const person = await me(cookie);
    expect(person).toMatchObject({
      displayName: 'Ada Lovelace',
      email: 'ada@uni.test',
      kind: 'student',
      unit: { name: 'Computer Science' },
    });
    adaId = person.id;
    const linked = await call('GET', '/api/auth/identities', cookie);
    expect(linked.json().data).toMatchObject([{ providerName: 'University login', issuer: idp.issuer }]);
  });

  it('signs a known identity in again (back where it was going), and a replayed state is refused', async () => {
    const again = await ssoSignIn('ada-1', { ...ada, name: 'Someone else' }, { next: '/people?q=ada' });
    expect(again.location).toBe('/people?q=ada');
    expect((await me(again.cookie)).id).toBe(adaId);
    const elsewhere = await call(
      'GET',
      `/api/auth/sso/${providerId}/start?next=${encodeURIComponent('//evil.test')}`,
    );
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().fields).toHaveProperty('next');
    const replay = await call('GET', again.back.pathname + again.back.search);
    expect(replay.headers.location).toBe('/signin?ssoError=expired');
    expect(cookieOf(replay)).toBeUndefined();
  });

  /** The newest refused SSO sign-in in the audit log: what openid-client said. */
  const lastRefusal = async () => {
    const audit = await call('GET', '/api/admin/audit?limit=5', admin.cookie);
    const entry = audit.json().data.find((row: { action: string }) => row.action === 'sso.refused');
    return String(entry?.data.error);
  };

  it.each<[string, Tamper, RegExp]>([
    ['a wrong signature', { kind: 'foreignKey' }, /signature verification failed/],
    [
      'a wrong audience',
      { kind: 'claims', change: (claims) => ({ ...claims, aud: 'another-client' }) },
      /"aud"/,
    ],
    [
      'an expired token',
      {
        kind: 'claims',
        change: (claims) => ({
          ...claims,
          iat: Math.floor(Date.now() / 1000) - 7200,
          exp: Math.floor(Date.now() / 1000) - 3600,
        }),
      },
      /"exp"/,
    ],
  ])('refuses an ID token with %s: no session', async (_what, tamper, reason) => {
    const { location, cookie } = await ssoSignIn('ada-1', ada, { tamper });
    expect(location).toBe('/signin?ssoError=invalid');
    expect(cookie).toBeUndefined();
    expect(await lastRefusal()).toMatch(reason);
  });

  it('refuses a replayed nonce', async () => {
    const earlier = new URL(await start(providerId));
    const { location, cookie } = await ssoSignIn('ada-1', ada, {
      changeUrl: (url) => url.searchParams.set('nonce', earlier.searchParams.get('nonce') ?? ''),
    });
    expect(location).toBe('/signin?ssoError=invalid');
    expect(cookie).toBeUndefined();
    expect(await lastRefusal()).toMatch(/"nonce"/);
  });

  it("never signs a second provider's identity with the same subject into the first one's account", async () => {
    const other = await startTestIdentityProvider({
      redirectUri: callback,
      postLogoutRedirectUri: `${publicUrl}/signin`,
    });
    try {
      const otherId = await addProvider(other, 'Partner login');
      const same = await ssoSignIn(
        'ada-1',
        { ...ada, email: 'someone@partner.test' },
        { at: other, id: otherId },
      );
      const person = await me(same.cookie);
      expect(person.id).not.toBe(adaId);
      expect(person.email).toBe('someone@partner.test');
      // With Ada's address it is not linked on the provider's word either: proof is asked first.
      const claimed = await ssoSignIn('ada-2', ada, { at: other, id: otherId });
      expect(claimed.location).toBe('/signin/sso-link');
      expect(claimed.cookie).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('links an existing local account only after its password, then signs in directly', async () => {
    const local = await createUser(t.database.db, { email: 'grace@uni.test' });
    const first = await ssoSignIn('grace-1', { ...ada, email: 'grace@uni.test' });
    expect(first.location).toBe('/signin/sso-link');
    expect(first.cookie).toBeUndefined();
    const link = cookieOf(first.response, 'copse_sso_link');
    expect((await call('GET', '/api/auth/sso/link', link)).json().data).toEqual({
      providerName: 'University login',
      email: 'grace@uni.test',
      hasPassword: true,
    });
    const wrong = await call('POST', '/api/auth/sso/link/password', link, { password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(cookieOf(wrong)).toBeUndefined();
    const right = await call('POST', '/api/auth/sso/link/password', link, { password: testPassword });
    expect(right.statusCode).toBe(200);
    expect((await me(cookieOf(right))).id).toBe(local.id);
    expect(
      (await call('POST', '/api/auth/sso/link/password', link, { password: testPassword })).statusCode,
    ).toBe(404);
    const next = await ssoSignIn('grace-1', { ...ada, email: 'grace@uni.test' });
    expect((await me(next.cookie)).id).toBe(local.id);
  });

  it('links an existing local account by a link emailed to its address', async () => {
    const local = await createUser(t.database.db, { email: 'hedy@uni.test' });
    const first = await ssoSignIn('hedy-1', { ...ada, email: 'hedy@uni.test' });
    const link = cookieOf(first.response, 'copse_sso_link');
    expect((await call('POST', '/api/auth/sso/link/email', link)).statusCode).toBe(202);
    const email = await latestEmailTo(t.database.db, 'hedy@uni.test');
    expect(email.link).toContain('/signin/sso-link?token=');
    const confirmed = await call('POST', '/api/auth/sso/link/confirm', undefined, { token: email.token });
    expect(confirmed.statusCode).toBe(200);
    expect((await me(cookieOf(confirmed))).id).toBe(local.id);
  });

  it('asks a coordinator signing in through the provider for no second step (the provider authenticated them)', async () => {
    const promoted = await call('PATCH', `/api/admin/users/${adaId}`, admin.cookie, { role: 'coordinator' });
    expect(promoted.statusCode).toBe(200);
    try {
      const { location, cookie } = await ssoSignIn('ada-1', ada);
      expect(location).toBe('/');
      expect(await me(cookie)).toMatchObject({ id: adaId, role: 'coordinator' });
    } finally {
      await call('PATCH', `/api/admin/users/${adaId}`, admin.cookie, { role: 'member' });
    }
  });

  it('single log-out: signing out of an SSO session answers the provider’s end-session address', async () => {
    const { cookie } = await ssoSignIn('ada-1', ada);
    const out = await call('POST', '/api/auth/signout', cookie);
    const url = new URL(out.json().data.endSessionUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('id_token_hint')).toBeTruthy();
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${publicUrl}/signin`);
    const local = await call('POST', '/api/auth/signout', (await signedInUser(t.app)).cookie);
    expect(local.json().data.endSessionUrl).toBeNull();
  });

  it('refuses returns from one address past its audit budget without recording them', async () => {
    const refusals = async () =>
      (await call('GET', '/api/admin/audit?limit=50', admin.cookie))
        .json()
        .data.filter((row: { action: string }) => row.action === 'sso.refused').length;
    for (let i = 0; i < 20; i++)
      await upsertRateLimitHit(t.database.db, 'sso-refused-audit:ip:127.0.0.1', 3600);
    const before = await refusals();
    const { location, cookie } = await ssoSignIn('ada-1', ada, { tamper: { kind: 'foreignKey' } });
    expect(location).toBe('/signin?ssoError=invalid');
    expect(cookie).toBeUndefined();
    expect(await refusals()).toBe(before);
  });
});

describe('SSO-only mode', () => {
  it('refuses local sign-in and sign-up for members, but lets administrators and external guests in', async () => {
    const adminUser = await createUser(t.database.db, { role: 'administrator' });
    const cookie = await signInAs(t.app, adminUser.email);
    const member = await createUser(t.database.db);
    const guest = await createUser(t.database.db, { kind: 'external' });
    expect((await call('PUT', '/api/admin/sso', cookie, { ssoOnly: true })).statusCode).toBe(200);
    expect((await call('GET', '/api/auth/sso/options')).json().data.ssoOnly).toBe(true);
    try {
      const refused = await call('POST', '/api/auth/signin', undefined, {
        email: member.email,
        password: testPassword,
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toMatch(/single sign-on/);
      // The break-glass administrator's password still leads to the second step, never straight in.
      const password = await call('POST', '/api/auth/signin', undefined, {
        email: adminUser.email,
        password: testPassword,
      });
      expect(password.statusCode).toBe(200);
      expect(password.json().data).toMatchObject({ signedIn: false, secondStep: { step: 'code' } });
      expect(cookieOf(password)).toBeUndefined();
      await expect(signInAs(t.app, adminUser.email)).resolves.toMatch(/^copse_session=/);
      await expect(signInAs(t.app, guest.email)).resolves.toMatch(/^copse_session=/);
      const signUp = await call('POST', '/api/auth/signup', undefined, {
        email: 'new@uni.test',
        password: 'a long enough password',
        displayName: 'New Person',
      });
      expect(signUp.statusCode).toBe(403);
    } finally {
      await call('PUT', '/api/admin/sso', cookie, { ssoOnly: false });
    }
  });
});
