import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signinChallenges, twoFactorCredentials, twoFactorRecoveryCodes } from '../../db/schema/index.ts';
import { createEmailToken } from '../../queries/email-tokens.ts';
import { getTestApp, type TestApp } from '../../test/app.ts';
import {
  createUser,
  currentTotpStep,
  latestEmailTo,
  signedInUser,
  signInAs,
  testPassword,
  totpCodeAt,
} from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

// Each test signs in from its own address, so the throttle of one never slows another.
let address = 0;
const client = () => {
  address++;
  const remoteAddress = `10.77.0.${address}`;
  return (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, cookie?: string) =>
    t.app.inject({
      method,
      url,
      remoteAddress,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
};
type Call = ReturnType<typeof client>;

const sessionOf = (response: { cookies: { name: string; value: string }[] }) => {
  const cookie = response.cookies.find((c) => c.name === 'copse_session');
  return cookie ? `copse_session=${cookie.value}` : undefined;
};

/** A code that is certainly not right for `secret` now (none of the steps the server accepts). */
const wrongCode = (secret: string) => {
  const step = currentTotpStep();
  const right = new Set([-1, 0, 1, 2].map((d) => totpCodeAt(secret, step + d)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!right.has(code)) return code;
  }
};

/** Turns two-factor on from the settings of a signed-in person; answers the secret and recovery codes. */
async function turnOn(call: Call, cookie: string) {
  const setup = await call('POST', '/api/account/two-factor/setup', undefined, cookie);
  expect(setup.statusCode).toBe(200);
  const { secret, qrCode, otpauthUrl } = setup.json().data as Record<string, string>;
  expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
  const plain = (secret ?? '').replace(/\s+/g, '');
  const step = currentTotpStep();
  const confirmed = await call(
    'POST',
    '/api/account/two-factor/confirm',
    { code: totpCodeAt(plain, step) },
    cookie,
  );
  expect(confirmed.statusCode).toBe(200);
  return { secret: plain, step, recoveryCodes: confirmed.json().data.recoveryCodes as string[] };
}

async function passwordStep(call: Call, email: string) {
  const response = await call('POST', '/api/auth/signin', { email, password: testPassword });
  expect(response.statusCode).toBe(200);
  return {
    response,
    data: response.json().data as {
      signedIn: boolean;
      secondStep: { step: string; challenge: string } | null;
    },
  };
}

describe('turning two-factor sign-in on and off', () => {
  it('sets up with a QR code, confirms with a code, shows recovery codes once and turns off with the password', async () => {
    const call = client();
    const { user, cookie } = await signedInUser(t.app);
    const status = async () => (await call('GET', '/api/account/two-factor', undefined, cookie)).json().data;
    expect(await status()).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });

    // Bad input is refused field by field; a wrong code turns nothing on.
    const setup = await call('POST', '/api/account/two-factor/setup', undefined, cookie);
    const secret = (setup.json().data.secret as string).replace(/\s+/g, '');
    expect(setup.json().data.secret).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const short = await call('POST', '/api/account/two-factor/confirm', { code: '12' }, cookie);
    expect(short.statusCode).toBe(400);
    expect(short.json().fields.code).toBe('Enter the 6-digit code from your authenticator app.');
    const wrong = await call('POST', '/api/account/two-factor/confirm', { code: wrongCode(secret) }, cookie);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toHaveProperty('code');
    expect((await status()).enabled).toBe(false);

    // The secret is stored encrypted, never as given.
    const [row] = await t.database.db
      .select()
      .from(twoFactorCredentials)
      .where(eq(twoFactorCredentials.userId, user.id));
    expect(row?.secretEncrypted).not.toContain(secret);

    const step = currentTotpStep();
    const confirmed = await call(
      'POST',
      '/api/account/two-factor/confirm',
      { code: totpCodeAt(secret, step) },
      cookie,
    );
    expect(confirmed.statusCode).toBe(200);
    const codes = confirmed.json().data.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    // Stored hashed: no row holds a code.
    const stored = await t.database.db
      .select()
      .from(twoFactorRecoveryCodes)
      .where(eq(twoFactorRecoveryCodes.userId, user.id));
    expect(stored.map((r) => r.codeHash)).not.toContain(codes[0]);
    expect(await status()).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect((await call('POST', '/api/account/two-factor/setup', undefined, cookie)).statusCode).toBe(409);
    // The person is told (a change they did not make must not go unnoticed).
    expect((await latestEmailTo(t.database.db, user.email)).message?.subject).toBe(
      'Two-factor sign-in is on',
    );

    // New recovery codes need a current code, and a code used once is not taken again.
    const replayed = await call(
      'POST',
      '/api/account/two-factor/recovery-codes',
      { code: totpCodeAt(secret, step) },
      cookie,
    );
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json().fields.code).toBe(
      'That code was used already. Wait for the next code in your app.',
    );
    const renewed = await call(
      'POST',
      '/api/account/two-factor/recovery-codes',
      { code: totpCodeAt(secret, step + 1) },
      cookie,
    );
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json().data.recoveryCodes).not.toContain(codes[0]);

    // Off: needs the password or a code; a wrong password changes nothing.
    const empty = await call('POST', '/api/account/two-factor/disable', {}, cookie);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields.password).toBe('Enter your password or a code from your authenticator app.');
    const badPassword = await call(
      'POST',
      '/api/account/two-factor/disable',
      { password: 'not my password' },
      cookie,
    );
    expect(badPassword.statusCode).toBe(400);
    expect((await status()).enabled).toBe(true);
    const off = await call('POST', '/api/account/two-factor/disable', { password: testPassword }, cookie);
    expect(off.statusCode).toBe(200);
    expect(await status()).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });
    const notes = (await call('GET', '/api/notifications', undefined, cookie)).json().data as {
      kind: string;
      title: string;
    }[];
    expect(notes.filter((n) => n.kind === 'account.security').map((n) => n.title)).toEqual([
      'Two-factor sign-in was turned off',
      'New recovery codes were made',
      'Two-factor sign-in is on',
    ]);
    // Signed out, none of it answers.
    expect((await call('GET', '/api/account/two-factor')).statusCode).toBe(401);
  });
});

describe('signing in with a second factor', () => {
  it('asks for the code after the password, takes a code once and a recovery code once', async () => {
    const call = client();
    const { user, cookie } = await signedInUser(t.app);
    const { secret, step, recoveryCodes } = await turnOn(call, cookie);

    const first = await passwordStep(call, user.email);
    expect(first.data.signedIn).toBe(false);
    expect(first.data.secondStep?.step).toBe('code');
    expect(sessionOf(first.response)).toBeUndefined();
    const challenge = first.data.secondStep?.challenge ?? '';
    // Only the challenge's hash is stored.
    const challenges = await t.database.db
      .select()
      .from(signinChallenges)
      .where(eq(signinChallenges.userId, user.id));
    expect(challenges.map((c) => c.id)).not.toContain(challenge);

    const badInput = await call('POST', '/api/auth/two-factor/verify', { challenge, code: 'x' });
    expect(badInput.statusCode).toBe(400);
    expect(badInput.json().fields).toHaveProperty('code');
    const wrong = await call('POST', '/api/auth/two-factor/verify', { challenge, code: wrongCode(secret) });
    expect(wrong.statusCode).toBe(401);
    expect(sessionOf(wrong)).toBeUndefined();
    // The code the set-up used is spent: a replay within its window is refused.
    const replay = await call('POST', '/api/auth/two-factor/verify', {
      challenge,
      code: totpCodeAt(secret, step),
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().fields.code).toBe('That code was used already. Wait for the next code in your app.');
    const right = await call('POST', '/api/auth/two-factor/verify', {
      challenge,
      code: totpCodeAt(secret, step + 1),
    });
    expect(right.statusCode).toBe(200);
    const session = sessionOf(right);
    expect((await call('GET', '/api/me', undefined, session)).statusCode).toBe(200);
    // The challenge was single use.
    const again = await call('POST', '/api/auth/two-factor/verify', {
      challenge,
      code: recoveryCodes[0] ?? '',
    });
    expect(again.statusCode).toBe(401);

    // A recovery code (typed in lower case, without dashes) works once.
    const recovery = (recoveryCodes[0] ?? '').toLowerCase().replaceAll('-', ' ');
    const second = await passwordStep(call, user.email);
    const withRecovery = await call('POST', '/api/auth/two-factor/verify', {
      challenge: second.data.secondStep?.challenge,
      code: recovery,
    });
    expect(withRecovery.statusCode).toBe(200);
    const third = await passwordStep(call, user.email);
    const spent = await call('POST', '/api/auth/two-factor/verify', {
      challenge: third.data.secondStep?.challenge,
      code: recoveryCodes[0],
    });
    expect(spent.statusCode).toBe(401);
    const left = await call('GET', '/api/account/two-factor', undefined, session);
    expect(left.json().data.recoveryCodesLeft).toBe(9);

    // An emailed sign-in link is a local sign-in too: it leads to the same second step.
    const link = await createEmailToken(t.database.db, user.id, 'signin_link');
    const byLink = await call('POST', '/api/auth/signin-link', { token: link });
    expect(byLink.statusCode).toBe(200);
    expect(byLink.json().data).toMatchObject({ signedIn: false, secondStep: { step: 'code' } });
    expect(sessionOf(byLink)).toBeUndefined();
  });

  it('counts wrong codes as failed sign-ins and refuses an expired challenge', async () => {
    const call = client();
    const { user, cookie } = await signedInUser(t.app);
    const { secret } = await turnOn(call, cookie);

    const { data } = await passwordStep(call, user.email);
    const challenge = data.secondStep?.challenge ?? '';
    for (let i = 0; i < 5; i++) {
      const wrong = await call('POST', '/api/auth/two-factor/verify', { challenge, code: wrongCode(secret) });
      expect(wrong.statusCode).toBe(401);
    }
    // Five wrong codes end the challenge, and the address now waits before signing in again.
    const ended = await call('POST', '/api/auth/two-factor/verify', {
      challenge,
      code: totpCodeAt(secret, currentTotpStep() + 1),
    });
    expect(ended.statusCode).toBe(401);
    expect(ended.json().fields).toHaveProperty('challenge');
    const throttled = await call('POST', '/api/auth/signin', { email: user.email, password: testPassword });
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);

    // From another address (the throttle is per pair), a challenge left to expire is refused.
    const other = client();
    const fresh = await passwordStep(other, user.email);
    const expiring = fresh.data.secondStep?.challenge ?? '';
    await t.database.db
      .update(signinChallenges)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(signinChallenges.userId, user.id));
    const expired = await other('POST', '/api/auth/two-factor/verify', {
      challenge: expiring,
      code: totpCodeAt(secret, currentTotpStep() + 1),
    });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().message).toBe('This sign-in step has expired or was already used. Sign in again.');
  });
});

describe('required for administrators and coordinators', () => {
  it.each(['administrator', 'coordinator'] as const)(
    'takes %s accounts without two-factor to set it up before any session',
    async (role) => {
      const call = client();
      const user = await createUser(t.database.db, { role });
      const { response, data } = await passwordStep(call, user.email);
      expect(data).toMatchObject({ signedIn: false, secondStep: { step: 'enrol' } });
      expect(sessionOf(response)).toBeUndefined();
      const challenge = data.secondStep?.challenge ?? '';
      // The enrolment challenge is not a code challenge.
      expect(
        (await call('POST', '/api/auth/two-factor/verify', { challenge, code: '123456' })).statusCode,
      ).toBe(401);

      const setup = await call('POST', '/api/auth/two-factor/enrol', { challenge });
      expect(setup.statusCode).toBe(200);
      const secret = (setup.json().data.secret as string).replace(/\s+/g, '');
      const wrong = await call('POST', '/api/auth/two-factor/enrol/confirm', {
        challenge,
        code: wrongCode(secret),
      });
      expect(wrong.statusCode).toBe(401);
      const step = currentTotpStep();
      const done = await call('POST', '/api/auth/two-factor/enrol/confirm', {
        challenge,
        code: totpCodeAt(secret, step),
      });
      expect(done.statusCode).toBe(200);
      expect(done.json().data.recoveryCodes).toHaveLength(10);
      const session = sessionOf(done);
      const status = await call('GET', '/api/account/two-factor', undefined, session);
      expect(status.json().data).toEqual({ enabled: true, required: true, recoveryCodesLeft: 10 });
      // Their role keeps it on.
      const off = await call('POST', '/api/account/two-factor/disable', { password: testPassword }, session);
      expect(off.statusCode).toBe(409);
      expect(off.json().message).toBe('Two-factor sign-in is required for your role, so it stays on.');
      // The next sign-in asks for a code.
      expect((await passwordStep(call, user.email)).data.secondStep?.step).toBe('code');
    },
  );

  it('lets a member sign in with the password alone', async () => {
    const call = client();
    const user = await createUser(t.database.db);
    const { response, data } = await passwordStep(call, user.email);
    expect(data).toEqual({ signedIn: true, secondStep: null });
    expect(sessionOf(response)).toBeDefined();
  });
});

describe('an administrator resets a lost authenticator', () => {
  it('only administrators, not their own; audited, and the person is emailed', async () => {
    const call = client();
    const { user, cookie } = await signedInUser(t.app);
    await turnOn(call, cookie);
    const admin = await signedInUser(t.app, { role: 'administrator' });
    const coordinator = await signedInUser(t.app, { role: 'coordinator' });
    const url = `/api/admin/users/${user.id}/two-factor`;

    expect((await call('DELETE', url, undefined, coordinator.cookie)).statusCode).toBe(403);
    expect((await call('DELETE', url, undefined, cookie)).statusCode).toBe(403);
    expect((await call('DELETE', url)).statusCode).toBe(401);
    const own = await call('DELETE', `/api/admin/users/${admin.user.id}/two-factor`, undefined, admin.cookie);
    expect(own.statusCode).toBe(403);
    expect(
      (await call('DELETE', '/api/admin/users/not-an-id/two-factor', undefined, admin.cookie)).statusCode,
    ).toBe(400);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(
      (await call('DELETE', `/api/admin/users/${missing}/two-factor`, undefined, admin.cookie)).statusCode,
    ).toBe(404);

    const listed = await call(
      'GET',
      `/api/admin/users?q=${encodeURIComponent(user.email)}`,
      undefined,
      admin.cookie,
    );
    expect(listed.json().data[0].twoFactor).toBe(true);
    const reset = await call('DELETE', url, undefined, admin.cookie);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().data.twoFactor).toBe(false);

    const audit = (await call('GET', '/api/admin/audit', undefined, admin.cookie)).json().data as {
      action: string;
      subjectId: string;
    }[];
    expect(audit[0]).toMatchObject({ action: 'user.two_factor.reset', subjectId: user.id });
    const { message } = await latestEmailTo(t.database.db, user.email);
    expect(message?.subject).toBe('Your two-factor sign-in was reset');
    expect(message?.textBody).toContain(admin.user.displayName);
    // The member signs in with the password alone again.
    expect((await passwordStep(client(), user.email)).data.signedIn).toBe(true);
  });

  it('signs in through the test helper with a remembered authenticator', async () => {
    // The helper every API test uses: a coordinator's second and third sign-ins in one window still work.
    const coordinator = await createUser(t.database.db, { role: 'coordinator' });
    for (let i = 0; i < 3; i++) expect(await signInAs(t.app, coordinator.email)).toMatch(/^copse_session=/);
  });
});
