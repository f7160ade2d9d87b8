import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { recordAudit } from '../../queries/audit.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import {
  createTestCommunity,
  createUser,
  currentTotpStep,
  latestEmailTo,
  signedInUser,
  signInAs,
  testPassword,
  totpCodeAt,
} from '../../test/factories.ts';

let t: TestApp;
let admin: { cookie: string; user: { id: string } };
beforeAll(async () => {
  t = await getTestApp();
  admin = await signedInUser(t.app, { role: 'administrator' });
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;
const from = (ip: string) => (url: string, payload: object, cookie?: string) =>
  t.app.inject({ method: 'POST', url, payload, remoteAddress: ip, headers: cookie ? { cookie } : {} });
const cookieOf = (response: { cookies: { name: string; value: string }[] }) =>
  `copse_session=${response.cookies.find((c) => c.name === 'copse_session')?.value ?? ''}`;

interface Entry {
  action: string;
  actor: { id: string } | null;
  subjectType: string;
  subjectId: string | null;
  data: Record<string, unknown>;
}
const search = async (query: string) => {
  const response = await call('GET', `/api/admin/audit?limit=100&${query}`, admin.cookie);
  expect(response.statusCode).toBe(200);
  return response.json().data as Entry[];
};

/** Every secret a person typed or received in this file: none may reach the audit log. */
const secrets: string[] = [testPassword];

describe('the audit log records every security-relevant action', () => {
  it('records each action through its endpoint, in the words the table expects', async () => {
    const member = await createUser(db(), { displayName: '=HYPERLINK("x") Member' });
    const other = await createUser(db());
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id], {
      members: [
        [member.id, 'member'],
        [other.id, 'member'],
      ],
    });
    const post = from('10.77.0.1');

    // Sign-in failures: a wrong password for an existing account, and an address without one.
    const typedIntoEmail = 'hunter2-typed-into-the-email-field@example.test';
    expect(
      (await post('/api/auth/signin', { email: member.email, password: 'wrong password 1' })).statusCode,
    ).toBe(401);
    expect(
      (await post('/api/auth/signin', { email: typedIntoEmail, password: 'wrong password 2' })).statusCode,
    ).toBe(401);
    secrets.push('wrong password 1', 'wrong password 2', typedIntoEmail);
    // Throttled: past five failures the pair waits.
    for (let i = 0; i < 5; i++)
      await from('10.77.0.2')('/api/auth/signin', { email: other.email, password: `nope ${i}` });
    expect(
      (await from('10.77.0.2')('/api/auth/signin', { email: other.email, password: 'nope 6' })).statusCode,
    ).toBe(429);

    // Sign-in, a second session, revoking it, changing the password, signing out.
    const signedIn = await post('/api/auth/signin', { email: member.email, password: testPassword });
    const cookie = cookieOf(signedIn);
    const second = cookieOf(
      await from('10.77.0.3')('/api/auth/signin', { email: member.email, password: testPassword }),
    );
    secrets.push(cookie.split('=')[1] ?? '', second.split('=')[1] ?? '');
    const sessions = (await call('GET', '/api/auth/sessions', cookie)).json().data as {
      id: string;
      current: boolean;
    }[];
    const otherSession = sessions.find((s) => !s.current)?.id ?? '';
    expect((await call('DELETE', `/api/auth/sessions/${otherSession}`, cookie)).statusCode).toBe(200);
    const newPassword = 'a brand new passphrase 42';
    secrets.push(newPassword);
    expect(
      (await call('POST', '/api/auth/password', cookie, { currentPassword: testPassword, newPassword }))
        .statusCode,
    ).toBe(200);
    expect((await call('POST', '/api/auth/signout', cookie)).statusCode).toBe(200);

    // A password reset through the emailed link.
    expect((await post('/api/auth/password-reset', { email: member.email })).statusCode).toBe(202);
    const { token } = await latestEmailTo(db(), member.email);
    const resetPassword = 'reset passphrase for the audit test';
    secrets.push(token ?? 'no token', resetPassword);
    expect(
      (await post('/api/auth/password-reset/complete', { token, password: resetPassword })).statusCode,
    ).toBe(200);

    // Two-factor: enrolment at an administrator's first sign-in, a wrong code, then the right one.
    const admin2 = await createUser(db(), { role: 'administrator' });
    const challengeOf = async (ip: string) => {
      const answer = await from(ip)('/api/auth/signin', { email: admin2.email, password: testPassword });
      return answer.json().data.secondStep.challenge as string;
    };
    const enrol = await challengeOf('10.77.0.4');
    const secret = (await post('/api/auth/two-factor/enrol', { challenge: enrol })).json().data
      .secret as string;
    const step = currentTotpStep();
    const firstCode = totpCodeAt(secret.replace(/\s+/g, ''), step);
    const confirmed = await post('/api/auth/two-factor/enrol/confirm', { challenge: enrol, code: firstCode });
    expect(confirmed.statusCode).toBe(200);
    secrets.push(
      secret,
      secret.replace(/\s+/g, ''),
      enrol,
      firstCode,
      ...confirmed.json().data.recoveryCodes,
    );
    const verify = await challengeOf('10.77.0.5');
    const wrongCode = firstCode === '000000' ? '111111' : '000000';
    expect(
      (await from('10.77.0.5')('/api/auth/two-factor/verify', { challenge: verify, code: wrongCode }))
        .statusCode,
    ).toBe(401);
    const nextCode = totpCodeAt(secret.replace(/\s+/g, ''), step + 1);
    const verified = await from('10.77.0.5')('/api/auth/two-factor/verify', {
      challenge: verify,
      code: nextCode,
    });
    expect(verified.statusCode).toBe(200);
    secrets.push(verify, nextCode, cookieOf(verified).split('=')[1] ?? '');

    // In the community: a role change, a suspension and its lifting, a hidden and restored post, a
    // decided report, a removal.
    const slug = community.slug;
    const suspended = await call('POST', `/api/communities/${slug}/suspensions`, leader.cookie, {
      userId: other.id,
      reason: 'Repeated insults.',
    });
    expect(suspended.statusCode).toBe(201);
    expect(
      (await call('POST', `/api/suspensions/${suspended.json().data.id}/lift`, leader.cookie)).statusCode,
    ).toBe(200);
    expect(
      (
        await call('PATCH', `/api/communities/${slug}/members/${other.id}`, leader.cookie, {
          role: 'co_leader',
        })
      ).statusCode,
    ).toBe(200);
    const threadId = (
      await call('POST', `/api/communities/${slug}/threads`, leader.cookie, {
        title: 'Welcome',
        body: 'Say hi.',
      })
    ).json().data.id as string;
    expect(
      (await call('PUT', `/api/threads/${threadId}/hidden`, leader.cookie, { hidden: true })).statusCode,
    ).toBe(200);
    expect(
      (await call('PUT', `/api/threads/${threadId}/hidden`, leader.cookie, { hidden: false })).statusCode,
    ).toBe(200);
    const reporter = await signInAs(t.app, other.email);
    const report = await call('POST', `/api/threads/${threadId}/reports`, reporter, {
      reason: 'Off topic here.',
    });
    expect(report.statusCode).toBe(201);
    expect(
      (
        await call('POST', `/api/reports/${report.json().data.id}/decision`, leader.cookie, {
          decision: 'dismiss',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await call('DELETE', `/api/communities/${slug}/members/${other.id}`, leader.cookie)).statusCode,
    ).toBe(200);

    const expected: [string, string | null, string | null, Record<string, unknown>][] = [
      [
        'auth.signin.failed',
        null,
        member.id,
        { method: 'password', reason: 'wrong_password', ip: '10.77.0.1', email: member.email },
      ],
      [
        'auth.signin.failed',
        null,
        null,
        { method: 'password', reason: 'wrong_password', account: 'unknown', ip: '10.77.0.1' },
      ],
      [
        'auth.signin.throttled',
        null,
        other.id,
        { reason: 'too_many_failures', ip: '10.77.0.2', email: other.email },
      ],
      ['auth.signin', member.id, member.id, { method: 'password', ip: '10.77.0.1' }],
      ['auth.session.revoke', member.id, otherSession, { current: false }],
      ['auth.password.change', member.id, member.id, { sessionsEnded: 'others' }],
      ['auth.signout', member.id, null, {}],
      ['auth.password.reset', null, member.id, { ip: '10.77.0.1', sessionsEnded: 'all' }],
      ['auth.signin', admin2.id, admin2.id, { method: 'two_factor_enrolment' }],
      ['user.two_factor.enable', admin2.id, admin2.id, {}],
      [
        'auth.signin.failed',
        null,
        admin2.id,
        { method: 'two_factor', reason: 'wrong_code', ip: '10.77.0.5' },
      ],
      ['auth.signin', admin2.id, admin2.id, { method: 'two_factor', ip: '10.77.0.5' }],
      [
        'community.member.role',
        leader.user.id,
        other.id,
        { communityId: community.id, from: 'member', to: 'co_leader' },
      ],
      ['suspend', leader.user.id, other.id, { communityId: community.id, reason: 'Repeated insults.' }],
      ['lift_suspension', leader.user.id, other.id, { communityId: community.id }],
      ['moderation.post.hide', leader.user.id, threadId, { threadId }],
      ['moderation.post.restore', leader.user.id, threadId, { threadId }],
      ['moderation.report.resolve', leader.user.id, report.json().data.id, { decision: 'dismiss', threadId }],
      ['community.member.remove', leader.user.id, other.id, { communityId: community.id, role: 'co_leader' }],
    ];
    const entries = await search('');
    for (const [action, actorId, subjectId, data] of expected) {
      const found = entries.filter(
        (entry) =>
          entry.action === action &&
          (entry.actor?.id ?? null) === actorId &&
          (subjectId === null || entry.subjectId === subjectId) &&
          Object.entries(data).every(([key, value]) => entry.data[key] === value),
      );
      expect(found, `${action} ${JSON.stringify(data)}`).not.toHaveLength(0);
    }
    const unknown = entries.find((e) => e.action === 'auth.signin.failed' && e.data.account === 'unknown');
    expect(unknown?.subjectId).toBeNull();
    expect(unknown?.data).not.toHaveProperty('email');
  });

  it('never holds a secret: none of the passwords, tokens, codes or cookies used, and secret keys masked', async () => {
    await recordAudit(db(), {
      actorId: admin.user.id,
      action: 'institution.update',
      subjectType: 'institution',
      data: { name: 'Kept', password: 'p4ss', nested: { recoveryCodes: ['abc'], idToken: 'tok' } },
    });
    const rows = await db().select().from(auditLog);
    const stored = JSON.stringify(rows);
    expect(rows.length).toBeGreaterThan(15);
    for (const secret of secrets.filter((s) => s.length >= 6)) expect(stored).not.toContain(secret);
    const masked = rows.find((row) => row.data.name === 'Kept');
    expect(masked?.data).toEqual({
      name: 'Kept',
      password: '[redacted]',
      nested: { recoveryCodes: '[redacted]', idToken: '[redacted]' },
    });
  });
});

describe('searching and exporting the audit log', () => {
  it('filters by actions, actor, subject, dates and names, page by page, and exports the filter as CSV', async () => {
    const failed = await search('action=auth.signin.failed');
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(new Set(failed.map((e) => e.action))).toEqual(new Set(['auth.signin.failed']));
    const several = await search('action=auth.signin.failed&action=auth.signout');
    expect(new Set(several.map((e) => e.action))).toEqual(new Set(['auth.signin.failed', 'auth.signout']));

    const mine = await search(`actor=${admin.user.id}`);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.actor?.id === admin.user.id)).toBe(true);
    const subject = await search(`subjectType=user&subjectId=${admin.user.id}`);
    expect(subject.every((e) => e.subjectType === 'user' && e.subjectId === admin.user.id)).toBe(true);
    expect(subject.map((e) => e.action)).toContain('auth.signin');

    const today = new Date().toISOString().slice(0, 10);
    expect((await search(`from=${today}&to=${today}`)).length).toBeGreaterThan(0);
    expect(await search('to=2000-01-01')).toHaveLength(0);
    const byName = await search(`q=${encodeURIComponent('hyperlink')}`);
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((e) => JSON.stringify(e).toLowerCase().includes('hyperlink'))).toBe(true);

    const first = await call('GET', '/api/admin/audit?limit=2&action=auth.signin', admin.cookie);
    const next = await call(
      'GET',
      `/api/admin/audit?limit=2&action=auth.signin&cursor=${encodeURIComponent(first.json().nextCursor)}`,
      admin.cookie,
    );
    const ids = [...first.json().data, ...next.json().data].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(4);

    const csv = await call(
      'GET',
      '/api/admin/audit.csv?action=auth.signin.failed&action=community.member.role',
      admin.cookie,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('audit-log.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('created_at,action,actor_id,actor_name,subject_type,subject_id,subject_name,data');
    expect(lines.length - 1).toBe(
      (await search('action=auth.signin.failed&action=community.member.role')).length,
    );
    // The member's name begins with "=": a spreadsheet must read it as text.
    expect(csv.body).toContain(`"'=HYPERLINK(""x"") Member"`);
  });

  it('only administrators search and export (coordinators and members 403, anonymous 401)', async () => {
    const coordinator = await signedInUser(t.app, { role: 'coordinator' });
    const member = await signedInUser(t.app);
    for (const url of ['/api/admin/audit', '/api/admin/audit.csv']) {
      const answers = [
        [undefined, 401],
        [member.cookie, 403],
        [coordinator.cookie, 403],
        [admin.cookie, 200],
      ] as const;
      for (const [cookie, status] of answers)
        expect((await call('GET', url, cookie)).statusCode, `${url}`).toBe(status);
    }
  });

  it('answers bad filters with 400 and the field at fault', async () => {
    const cases: [string, string][] = [
      ['action=no.such.action', 'action'],
      ['actor=not-an-id', 'actor'],
      ['from=2026-13-40', 'from'],
      ['from=2026-05-02&to=2026-05-01', 'to'],
      // Days the database cannot hold with the day after (year 0, 9999): once 500s.
      ['from=0000-01-01', 'from'],
      ['to=9999-12-31', 'to'],
      ['subjectId=abc', 'subjectType'],
    ];
    for (const [query, field] of cases) {
      for (const url of ['/api/admin/audit', '/api/admin/audit.csv']) {
        const answer = await call('GET', `${url}?${query}`, admin.cookie);
        expect(answer.statusCode, `${url}?${query}`).toBe(400);
        expect(Object.keys(answer.json().fields ?? {}), query).toContain(field);
      }
    }
  });
});
