import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../../db/schema/index.ts';
import { redactUrl } from '../../lib/log-redaction.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs } from '../../test/factories.ts';

/** The request log while Pings are answered: no answer token, no person, no client address (#16 §1). */
const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await getTestApp({ logger: { level: 'info', stream: { write: (line) => lines.push(line) } } });
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;

describe('the request log', () => {
  it('cuts answer tokens out of addresses', () => {
    expect(redactUrl('/api/pings/answer-links/abcDEF123_-xyz0123456789')).toBe(
      '/api/pings/answer-links/[redacted]',
    );
    expect(redactUrl('/api/pings/answer-links/abcDEF123_-xyz0123456789?x=1')).toBe(
      '/api/pings/answer-links/[redacted]?x=1',
    );
    expect(redactUrl('/api/pings/123/results')).toBe('/api/pings/123/results');
  });

  it('holds no answer token, person or client address when an anonymous Ping is answered', async () => {
    const leader = await signedInUser(t.app);
    const [a, b] = await Promise.all([createUser(db()), createUser(db())]);
    if (!a || !b) throw new Error('no people');
    const community = await createTestCommunity(db(), [leader.user.id], {
      members: [
        [a.id, 'member'],
        [b.id, 'member'],
      ],
    });
    const sent = await call('POST', `/api/communities/${community.slug}/pings`, leader.cookie, {
      question: 'Is the new room better?',
      kind: 'choice',
      choices: ['Yes', 'No'],
      audience: 'all',
      windowHours: 24,
      anonymous: true,
    });
    expect(sent.statusCode).toBe(201);
    const id = sent.json().data.id;
    const [mail] = await db()
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.toAddress, b.email))
      .orderBy(sql`${mailMessages.createdAt} desc`);
    const tokens = [...(mail?.textBody.matchAll(/\/pings\/answer\/([A-Za-z0-9_-]+)/g) ?? [])].map(
      (m) => m[1] ?? '',
    );
    expect(tokens).toHaveLength(2);
    const start = lines.length;
    const cookie = await signInAs(t.app, a.email);
    expect((await call('PUT', `/api/pings/${id}/answer`, cookie, { choice: 0 })).statusCode).toBe(200);
    expect((await call('GET', `/api/pings/answer-links/${tokens[1]}`)).statusCode).toBe(200);
    expect((await call('POST', `/api/pings/answer-links/${tokens[1]}`)).statusCode).toBe(200);
    expect((await call('POST', `/api/pings/answer-links/${tokens[0]}`)).statusCode).toBe(404);
    const logged = lines.slice(start).filter((line) => line.includes('/api/pings/'));
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) {
      for (const secret of [...tokens, a.id, b.id, a.email, b.email, a.displayName, b.displayName]) {
        expect(line).not.toContain(secret);
      }
      expect(line).not.toContain('remoteAddress');
    }
    expect(logged.some((line) => line.includes('/api/pings/answer-links/[redacted]'))).toBe(true);
  });
});
