import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;

/** A signed-in leader and `n` signed-in members of one community. */
async function setting(n: number) {
  const leader = await signedInUser(t.app);
  const people = await Promise.all(Array.from({ length: n }, () => createUser(db())));
  const community = await createTestCommunity(db(), [leader.user.id], {
    members: people.map((p) => [p.id, 'member'] as [string, 'member']),
  });
  const cookies = await Promise.all(people.map((person) => signInAs(t.app, person.email)));
  return { leader, community, cookies };
}

async function send(slug: string, cookie: string, anonymous: boolean) {
  const response = await call('POST', `/api/communities/${slug}/pings`, cookie, {
    question: 'Which evening suits you?',
    kind: 'choice',
    choices: ['Monday', 'Wednesday', 'Thursday'],
    audience: 'all',
    windowHours: 24,
    anonymous,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().data.id as string;
}

// Named answers share the Ping's lock (FOR KEY SHARE) and count last; anonymous ones take it alone. On
// PostgreSQL these run truly at once: none may fail, deadlock or be counted twice.
describe('many members answering one Ping at once', () => {
  it('counts each named answer once, keeps each member’s latest, and closing waits for answers', async () => {
    const { leader, community, cookies } = await setting(20);
    const id = await send(community.slug, leader.cookie, false);
    const first = await Promise.all(
      cookies.map((cookie, i) => call('PUT', `/api/pings/${id}/answer`, cookie, { choice: i % 3 })),
    );
    expect(first.map((r) => r.statusCode)).toEqual(cookies.map(() => 200));
    // Everyone changes their answer to Thursday, at once, while the leader closes the Ping.
    const [closed, ...changed] = await Promise.all([
      call('POST', `/api/pings/${id}/close`, leader.cookie, {}),
      ...cookies.map((cookie) => call('PUT', `/api/pings/${id}/answer`, cookie, { choice: 2 })),
    ]);
    expect(closed?.statusCode, closed?.body).toBe(200);
    // Each change came before the close or was refused after it: never a 500.
    expect(changed.every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true);
    const late = changed.filter((r) => r.statusCode === 409).length;
    const results = (await call('GET', `/api/pings/${id}/results`, leader.cookie)).json().data;
    expect(results).toMatchObject({ recipientCount: 20, answerCount: 20 });
    const counts = (results.choices as { count: number }[]).map((choice) => choice.count);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(20);
    expect(counts[2]).toBeGreaterThanOrEqual(20 - late);
  });

  it('counts anonymous answers given at once, each once', async () => {
    const { leader, community, cookies } = await setting(12);
    const id = await send(community.slug, leader.cookie, true);
    const answered = await Promise.all(
      cookies.map((cookie, i) => call('PUT', `/api/pings/${id}/answer`, cookie, { choice: i % 2 })),
    );
    expect(answered.map((r) => r.statusCode)).toEqual(cookies.map(() => 200));
    const ping = (await call('GET', `/api/pings/${id}`, leader.cookie)).json().data;
    expect(ping.answerCount).toBe(12);
  });
});
