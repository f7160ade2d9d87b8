import { readFile } from 'node:fs/promises';
import { count, eq, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  idempotencyKeys,
  meetings,
  pings,
  posts,
  proposals,
  resources,
  threads,
} from '../db/schema/index.ts';
import { deleteExpiredIdempotencyKeys, findIdempotencyKey } from '../queries/idempotency-keys.ts';
import { getTestApp, type TestApp } from '../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs, testPassword } from '../test/factories.ts';
import { multipartForm } from '../test/uploads.ts';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signedInUser>>;
beforeAll(async () => {
  t = await getTestApp();
  admin = await signedInUser(t.app, { role: 'administrator' });
});
afterAll(async () => t.close());

const db = () => t.app.deps.database.db;

type Form = ReturnType<typeof multipartForm>;
const isForm = (body: object): body is Form => 'payload' in body && Buffer.isBuffer(body.payload);

/** A POST with a JSON body (or a multipart form) and, unless it is undefined, an Idempotency-Key. */
function post(
  url: string,
  cookie: string | undefined,
  key: string | undefined,
  body: object = {},
): Promise<LightMyRequestResponse> {
  const form = isForm(body) ? body : undefined;
  return t.app.inject({
    method: 'POST',
    url,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(key === undefined ? {} : { 'idempotency-key': key }),
      ...form?.headers,
    },
    payload: form ? form.payload : body,
  });
}

/** Sends a request twice with one key: the second answer is the first, marked as replayed. */
async function sendTwice(url: string, cookie: string | undefined, body: object = {}) {
  const key = crypto.randomUUID();
  const first = await post(url, cookie, key, body);
  const second = await post(url, cookie, key, body);
  const what = `${url} → ${first.statusCode} ${first.body.slice(0, 160)}`;
  expect(first.headers['idempotent-replayed'], what).toBeUndefined();
  expect(second.headers['idempotent-replayed'], what).toBe('true');
  expect(second.statusCode, what).toBe(first.statusCode);
  expect(second.body, what).toBe(first.body);
  return first;
}

async function rowsWhere(table: PgTable, where: SQL): Promise<number> {
  const [row] = await db().select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}

/** A community led by the signed-in `leader`, with one signed-in member. */
async function setting() {
  const leader = await signedInUser(t.app);
  const member = await createUser(db());
  const community = await createTestCommunity(db(), [leader.user.id], { members: [[member.id, 'member']] });
  return { leader, community, memberCookie: await signInAs(t.app, member.email) };
}

const lessonPlan = await readFile(new URL('../lib/files/fixtures/lesson-plan.docx', import.meta.url));

describe('a POST sent again with its Idempotency-Key', () => {
  it('creates one record and answers the first answer again, for threads, replies, meetings, proposals, Pings and uploads', async () => {
    const { leader, community, memberCookie } = await setting();
    const slug = community.slug;

    const thread = await sendTwice(`/api/communities/${slug}/threads`, memberCookie, {
      title: 'Retried thread',
      body: 'Sent twice.',
    });
    expect(thread.statusCode).toBe(201);
    expect(await rowsWhere(threads, eq(threads.title, 'Retried thread'))).toBe(1);

    // The example: a reply sent twice.
    const threadId = thread.json().data.id as string;
    const reply = await sendTwice(`/api/threads/${threadId}/replies`, leader.cookie, {
      body: 'One reply only.',
    });
    expect(reply.statusCode).toBe(201);
    expect(await rowsWhere(posts, eq(posts.body, 'One reply only.'))).toBe(1);

    const meeting = await sendTwice(`/api/communities/${slug}/meetings`, leader.cookie, {
      title: 'Retried meeting',
      startsAt: '2031-03-04T15:00',
      endsAt: '2031-03-04T16:30',
      timeZone: 'Europe/London',
    });
    expect(meeting.statusCode).toBe(201);
    expect(await rowsWhere(meetings, eq(meetings.title, 'Retried meeting'))).toBe(1);

    const proposal = await sendTwice('/api/proposals', memberCookie, {
      name: 'Retried proposal',
      purpose: 'Teachers who take their classes outside and want to do it well.',
      objectives: '- Share lesson plans',
      intendedMembers: 'Primary teacher educators',
      meetingPlan: 'Monthly',
      supportNeeded: 'None',
      topics: ['fieldwork'],
      audience: 'staff',
      format: 'in_person',
      visibility: 'public',
      joinPolicy: 'request',
    });
    expect(proposal.statusCode).toBe(201);
    expect(await rowsWhere(proposals, eq(proposals.name, 'Retried proposal'))).toBe(1);

    const ping = await sendTwice(`/api/communities/${slug}/pings`, leader.cookie, {
      question: 'Retried Ping?',
      kind: 'choice',
      choices: ['Yes', 'No'],
      audience: 'all',
      windowHours: 24,
      anonymous: false,
    });
    expect(ping.statusCode).toBe(201);
    expect(await rowsWhere(pings, eq(pings.question, 'Retried Ping?'))).toBe(1);

    // Multipart: the key alone says it is the same upload (its boundary may differ on each send).
    const form = multipartForm(
      [
        ['kind', 'lesson_plan'],
        ['title', 'Retried upload'],
      ],
      { name: 'plan.docx', bytes: lessonPlan },
    );
    const upload = await sendTwice(`/api/communities/${slug}/resources/upload`, leader.cookie, form);
    expect(upload.statusCode).toBe(201);
    expect(await rowsWhere(resources, eq(resources.title, 'Retried upload'))).toBe(1);

    // Without a key, nothing changes: a second reply is a second record.
    await post(`/api/threads/${threadId}/replies`, leader.cookie, undefined, { body: 'No key.' });
    await post(`/api/threads/${threadId}/replies`, leader.cookie, undefined, { body: 'No key.' });
    expect(await rowsWhere(posts, eq(posts.body, 'No key.'))).toBe(2);
  });

  // Every POST of the API (2xx routes that create something and the rest): sent with an empty body
  // and unknown ids, its answer (201, 200, 400, 404…) is stored and replayed. The routes that sign in
  // or out set a cookie, which is never stored, and are checked below.
  it('is honoured by every POST route of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, { post?: { parameters?: { name: string; in: string }[] } }>;
    };
    const setsCookie = new Set([
      '/api/auth/signout',
      '/api/auth/session/refresh',
      '/api/setup',
      '/api/auth/signin',
      '/api/auth/two-factor/verify',
      '/api/auth/sso/link/password',
      '/api/auth/sso/link/confirm',
      '/api/auth/two-factor/enrol/confirm',
    ]);
    const routes = Object.entries(doc.paths).filter(
      ([path, item]) => item.post && path.startsWith('/api/') && !setsCookie.has(path),
    );
    expect(routes.length).toBeGreaterThan(90);
    const failures: string[] = [];
    for (const [path, item] of routes) {
      if (!item.post?.parameters?.some((p) => p.name === 'Idempotency-Key' && p.in === 'header'))
        failures.push(`${path}: Idempotency-Key not documented`);
      const url = path.replace(/\{\w+\}/g, crypto.randomUUID());
      const key = crypto.randomUUID();
      const first = await post(url, admin.cookie, key);
      const second = await post(url, admin.cookie, key);
      // A conflict or a rate limit is not stored (a retry may get past it): the request runs again.
      const stored = first.statusCode !== 409 && first.statusCode !== 429;
      const same =
        second.statusCode === first.statusCode &&
        second.body === first.body &&
        second.headers['idempotent-replayed'] === (stored ? 'true' : undefined);
      if (!same || first.statusCode >= 500)
        failures.push(`${path}: ${first.statusCode} then ${second.statusCode} ${second.body.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('never stores an answer that sets a cookie: signing in again signs in again', async () => {
    const person = await createUser(db());
    const key = crypto.randomUUID();
    const credentials = { email: person.email, password: testPassword };
    for (const attempt of [1, 2]) {
      const response = await post('/api/auth/signin', undefined, key, credentials);
      expect(response.statusCode, `attempt ${attempt}`).toBe(200);
      expect(response.headers['set-cookie'], `attempt ${attempt}`).toBeDefined();
      expect(response.headers['idempotent-replayed']).toBeUndefined();
    }
  });

  it('refuses the same key with another body (422), a bad key (400), and keeps keys apart by person', async () => {
    const { leader, community, memberCookie } = await setting();
    const url = `/api/communities/${community.slug}/threads`;
    const key = crypto.randomUUID();
    expect((await post(url, memberCookie, key, { title: 'First', body: 'x' })).statusCode).toBe(201);
    const reused = await post(url, memberCookie, key, { title: 'Second', body: 'x' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ error: 'idempotency_key_reused', message: /different request/ });
    // Another person's request with the same key is their own.
    const theirs = await post(url, leader.cookie, key, { title: 'First', body: 'x' });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(await rowsWhere(threads, eq(threads.title, 'Second'))).toBe(0);

    for (const bad of ['', 'x'.repeat(256), 'clé', 'tab\there']) {
      const response = await post(url, memberCookie, bad, { title: 'Bad key', body: 'x' });
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
      expect(response.json().fields['Idempotency-Key']).toMatch(/printable ASCII/);
    }
    const dutch = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: memberCookie, 'idempotency-key': 'x'.repeat(256), 'accept-language': 'nl' },
      payload: { title: 'Bad key', body: 'x' },
    });
    expect(dutch.json().fields['Idempotency-Key']).toMatch(/afdrukbare ASCII/);
    // The header sent twice is two keys, not the one Node joins them into ("a, b").
    const twice = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: memberCookie, 'idempotency-key': ['a', 'b'] },
      payload: { title: 'Bad key', body: 'x' },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().fields).toHaveProperty('Idempotency-Key');
    expect(await rowsWhere(threads, eq(threads.title, 'Bad key'))).toBe(0);
  });

  it('runs two requests sent at once with one key once: the other is told to wait or gets the answer', async () => {
    const { community, memberCookie } = await setting();
    const key = crypto.randomUUID();
    const url = `/api/communities/${community.slug}/threads`;
    const answers = await Promise.all(
      [1, 2, 3].map(() => post(url, memberCookie, key, { title: 'At once', body: 'x' })),
    );
    const created = answers.filter((a) => a.statusCode === 201 && !a.headers['idempotent-replayed']);
    expect(created).toHaveLength(1);
    for (const other of answers.filter((a) => a !== created[0])) {
      if (other.statusCode === 409) {
        expect(other.json().error).toBe('idempotency_in_flight');
        expect(other.headers['retry-after']).toBe('1');
      } else {
        expect(other.headers['idempotent-replayed']).toBe('true');
        expect(other.body).toBe(created[0]?.body);
      }
    }
    expect(await rowsWhere(threads, eq(threads.title, 'At once'))).toBe(1);
  });

  it('forgets keys after 24 hours (the hourly cleanup), and a failed request frees its key', async () => {
    const { community, memberCookie } = await setting();
    const key = crypto.randomUUID();
    const url = `/api/communities/${community.slug}/threads`;
    await post(url, memberCookie, key, { title: 'Old', body: 'x' });
    const scope = `user:${(await db().select().from(threads).where(eq(threads.title, 'Old')))[0]?.authorId}`;
    expect(await findIdempotencyKey(db(), scope, key)).toMatchObject({ status: 201 });
    await db()
      .update(idempotencyKeys)
      .set({ createdAt: new Date(Date.now() - 25 * 3600_000) })
      .where(eq(idempotencyKeys.key, key));
    expect(await deleteExpiredIdempotencyKeys(db())).toBeGreaterThanOrEqual(1);
    expect(await findIdempotencyKey(db(), scope, key)).toBeUndefined();

    // A conflict is not stored (a retry may get past it): the key is free again.
    const unit = { name: `Unit ${crypto.randomUUID()}` };
    expect((await post('/api/admin/units', admin.cookie, undefined, unit)).statusCode).toBe(201);
    const conflictKey = crypto.randomUUID();
    expect((await post('/api/admin/units', admin.cookie, conflictKey, unit)).statusCode).toBe(409);
    expect(await findIdempotencyKey(db(), `user:${admin.user.id}`, conflictKey)).toBeUndefined();
  });
});
