import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsafeTextMessages } from '../../common/safe-text.ts';
import { getTestApp, requester, type TestApp } from '../test/app.ts';
import { createTestCommunity, signedInUser } from '../test/factories.ts';
import { multipartForm, png } from '../test/uploads.ts';

/**
 * Text PostgreSQL cannot store (NUL, lone UTF-16 surrogates) is refused with a 400 naming the field,
 * wherever it comes in: query, path, JSON body, multipart field or file name, CSV cell.
 */
let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;
const nul = 'before\u0000after';

/** A raw JSON request, so a lone surrogate reaches the server as `\ud800` (JSON.stringify escapes it). */
const rawJson = (method: 'POST' | 'PATCH', url: string, cookie: string, json: string) =>
  t.app.inject({ method, url, headers: { cookie, 'content-type': 'application/json' }, payload: json });

function expectRefused(response: Awaited<ReturnType<typeof call>>, field: string, message: string) {
  expect(response.statusCode, response.body).toBe(400);
  expect(response.json()).toMatchObject({ error: 'validation_failed', fields: { [field]: message } });
}

describe('NUL bytes and lone surrogates', () => {
  it('are refused in the query, also for anonymous searches', async () => {
    expectRefused(await call('GET', '/api/search?q=%00'), 'q', unsafeTextMessages.nul);
    expectRefused(await call('GET', '/api/search?q=a%00b&limit=5'), 'q', unsafeTextMessages.nul);
  });

  it('are refused in path parameters', async () => {
    const { cookie } = await signedInUser(t.app);
    expectRefused(await call('GET', '/api/communities/a%00b', cookie), 'slug', unsafeTextMessages.nul);
  });

  it('are refused in every JSON string field, naming the field, and nothing is written', async () => {
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id]);
    const proposal = {
      name: 'Outdoor learning',
      purpose: 'Teachers who take their classes outside and want to do it well.',
      objectives: 'Share lesson plans',
      intendedMembers: 'Teacher educators',
      meetingPlan: 'Monthly',
      supportNeeded: 'None',
      topics: ['fieldwork'],
      audience: 'staff',
      format: 'in_person',
      visibility: 'public',
      joinPolicy: 'request',
    };
    expectRefused(
      await call('POST', '/api/proposals', leader.cookie, { ...proposal, purpose: nul }),
      'purpose',
      unsafeTextMessages.nul,
    );
    expectRefused(
      await call('POST', '/api/proposals', leader.cookie, { ...proposal, topics: ['ok', nul] }),
      'topics.1',
      unsafeTextMessages.nul,
    );
    const threads = `/api/communities/${community.slug}/threads`;
    expectRefused(
      await call('POST', threads, leader.cookie, { title: nul, body: 'Fine.' }),
      'title',
      unsafeTextMessages.nul,
    );
    expectRefused(
      await rawJson('POST', threads, leader.cookie, '{"title":"Broken \\ud800 text","body":"Fine."}'),
      'title',
      unsafeTextMessages.surrogate,
    );
    const listed = await call('GET', threads, leader.cookie);
    expect(listed.json().data).toEqual([]);

    const started = await call('POST', threads, leader.cookie, { title: 'Marking tips', body: 'Share.' });
    expect(started.statusCode).toBe(201);
    const threadId = started.json().data.id;
    expectRefused(
      await call('PATCH', `/api/threads/${threadId}`, leader.cookie, { body: nul }),
      'body',
      unsafeTextMessages.nul,
    );
    expectRefused(
      await rawJson('PATCH', `/api/threads/${threadId}`, leader.cookie, '{"body":"\\udc00 alone"}'),
      'body',
      unsafeTextMessages.surrogate,
    );
    expectRefused(
      await call('POST', `/api/threads/${threadId}/replies`, leader.cookie, { body: nul }),
      'body',
      unsafeTextMessages.nul,
    );
    expectRefused(
      await call('POST', `/api/threads/${threadId}/reports`, leader.cookie, { reason: nul }),
      'reason',
      unsafeTextMessages.nul,
    );
    // A paired surrogate (an emoji) is ordinary text.
    const emoji = await rawJson(
      'POST',
      `/api/threads/${threadId}/replies`,
      leader.cookie,
      '{"body":"Thanks \\ud83c\\udf89"}',
    );
    expect(emoji.statusCode, emoji.body).toBe(201);
    const thread = (await call('GET', `/api/threads/${threadId}`, leader.cookie)).json().data;
    expect(thread.body).toBe('Share.');
    expect(thread.replies.map((reply: { body: string }) => reply.body)).toEqual(['Thanks 🎉']);
  });

  it('name a bad object key with its characters escaped', async () => {
    const { cookie } = await signedInUser(t.app);
    const response = await call('POST', '/api/proposals', cookie, { 'bad\u0000key': 'x' });
    expectRefused(response, 'bad\\u0000key', unsafeTextMessages.nul);
  });

  it('are refused in multipart fields and file names before anything is stored', async () => {
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id]);
    const upload = (body: ReturnType<typeof multipartForm>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/communities/${community.slug}/resources/upload`,
        headers: { ...body.headers, cookie: leader.cookie },
        payload: body.payload,
      });
    const fields: [string, string][] = [
      ['kind', 'file'],
      ['title', 'Lesson photo'],
    ];
    expectRefused(
      await upload(
        multipartForm(
          [
            ['kind', 'file'],
            ['title', nul],
          ],
          { name: 'photo.png', bytes: png },
        ),
      ),
      'title',
      unsafeTextMessages.nul,
    );
    expectRefused(
      await upload(multipartForm(fields, { name: 'pho\u0000to.png', bytes: png })),
      'file',
      `The file name is not valid. ${unsafeTextMessages.nul}`,
    );
    const list = await call('GET', `/api/communities/${community.slug}/resources`, leader.cookie);
    expect(list.json().data).toEqual([]);
    const fine = await upload(multipartForm(fields, { name: 'photo.png', bytes: png }));
    expect(fine.statusCode, fine.body).toBe(201);
  });

  it('are refused in a cohort CSV cell, naming the line and the column', async () => {
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id]);
    const csv = 'email,name\nada@example.test,Ada\nbob@example.test,B\u0000b\n';
    const body = multipartForm([], { name: 'cohort.csv', bytes: Buffer.from(csv) });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.slug}/invitations/csv?dryRun=true`,
      headers: { ...body.headers, cookie: leader.cookie },
      payload: body.payload,
    });
    expectRefused(response, 'line.3.name', unsafeTextMessages.nul);
    expect(response.json().message).toBe(`Line 3, name: ${unsafeTextMessages.nul}`);
  });
});
