import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SecurityControl } from './plugins/controls.ts';
import { getTestApp, requester, type TestApp } from './test/app.ts';
import { createTestCommunity, createUser, signedInUser, testPassword } from './test/factories.ts';
import { invitePartner, startProject } from './test/projects.ts';

/**
 * The tests docs/security.md maps to a control fail when that control is missing: for a sample of six
 * controls of different kinds, the assertion the mapped test makes passes on the application as built,
 * and fails on one built without that control (`buildApp(deps, { withoutControls })`, tests only).
 * Each assertion names the mapped test it repeats.
 */

interface Built {
  t: TestApp;
  /** The request log lines this application has written. */
  lines: string[];
}

async function build(withoutControls: SecurityControl[] = []): Promise<Built> {
  const lines: string[] = [];
  const t = await getTestApp({
    withoutControls,
    logger: { level: 'info', stream: { write: (line) => lines.push(line) } },
  });
  return { t, lines };
}

const crossSite = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };

/** Per control, the assertion of the test docs/security.md maps to it. */
const assertions: Record<SecurityControl, (built: Built) => Promise<void>> = {
  // server/routes/auth/auth.test.ts › sets strict security headers
  'security-headers': async ({ t }) => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBeDefined();
  },
  // server/routes/auth/auth.test.ts › refuses state-changing requests from another site
  'cross-site-check': async ({ t }) => {
    const user = await createUser(t.database.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: crossSite,
      payload: { email: user.email, password: testPassword },
    });
    expect(response.statusCode).toBe(403);
  },
  // server/routes/auth/auth.test.ts › keeps the session out of cross-site form posts
  'session-cookie-flags': async ({ t }) => {
    const user = await createUser(t.database.db);
    const signin = await requester(t)('POST', '/api/auth/signin', undefined, {
      email: user.email,
      password: testPassword,
    });
    const setCookie = String(signin.headers['set-cookie']);
    expect(setCookie).toMatch(/copse_session=[^;]+;/);
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('HttpOnly');
  },
  // server/routes/projects/guest-isolation.test.ts › gets 404 from every GET route outside the project, …
  'partner-reach': async ({ t }) => {
    const leader = await signedInUser(t.app);
    const lead = await signedInUser(t.app);
    const community = await createTestCommunity(t.database.db, [leader.user.id], {
      visibility: 'public',
      members: [[lead.user.id, 'member']],
    });
    const projectId = await startProject(t, lead.cookie, community.slug);
    const partner = await invitePartner(t, lead.cookie, projectId);
    for (const url of ['/api/communities', `/api/communities/${community.slug}`, '/api/people']) {
      const response = await requester(t)('GET', url, partner.cookie);
      expect(response.statusCode, url).toBe(404);
    }
  },
  // server/routes/auth/auth.test.ts › answers malformed JSON, a wrong content type and a huge body with clear 4xx
  'body-limit': async ({ t }) => {
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(2_000_000), displayName: 'Big' }),
    });
    expect(huge.statusCode).toBe(413);
  },
  // server/routes/pings/logs.test.ts › holds no answer token, person or client address when an anonymous …
  'log-redaction': async ({ t, lines }) => {
    const token = 'AnswerLinkToken_0123456789abcdefghijklmnop';
    const start = lines.length;
    await requester(t)('GET', `/api/pings/answer-links/${token}`);
    const logged = lines.slice(start);
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) {
      expect(line).not.toContain(token);
      expect(line).not.toContain('remoteAddress');
    }
    expect(logged.some((line) => line.includes('/api/pings/answer-links/[redacted]'))).toBe(true);
  },
};

let whole: Built;
beforeAll(async () => {
  whole = await build();
});
afterAll(async () => whole.t.close());

describe('a mapped test fails when its control is switched off', () => {
  it.each(Object.keys(assertions) as SecurityControl[])('%s', async (control) => {
    const assertion = assertions[control];
    await assertion(whole);
    const without = await build([control]);
    try {
      await expect(assertion(without)).rejects.toMatchObject({ name: 'AssertionError' });
    } finally {
      await without.t.close();
    }
  });

  it('cannot switch a control off in production', async () => {
    const { buildApp } = await import('./app.ts');
    await expect(
      buildApp(
        { ...whole.t.app.deps, env: { ...whole.t.app.deps.env, NODE_ENV: 'production' } },
        {
          withoutControls: ['cross-site-check'],
        },
      ),
    ).rejects.toThrow('only in tests');
  });
});
