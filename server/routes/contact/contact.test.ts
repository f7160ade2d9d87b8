import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactReplies, contactRequests } from '../../db/schema/index.ts';
import { getTestApp, type TestApp } from '../../test/app.ts';
import { createContactRequest, latestEmailTo, signedInUser } from '../../test/factories.ts';

type Person = Awaited<ReturnType<typeof signedInUser>>;
let t: TestApp;
let admin: Person;
let coordinator: Person;
let member: Person;
let external: Person;
beforeAll(async () => {
  t = await getTestApp();
  admin = await signedInUser(t.app, { role: 'administrator' });
  coordinator = await signedInUser(t.app, { role: 'coordinator' });
  member = await signedInUser(t.app);
  external = await signedInUser(t.app, { kind: 'external' });
});
afterAll(async () => t.close());

const db = () => t.app.deps.database.db;
let ip = 0;
/** Each call comes from its own address unless told, so the per-address limit does not interfere. */
const call = (
  method: 'GET' | 'POST',
  url: string,
  cookie?: string,
  payload?: unknown,
  remoteAddress = `10.1.0.${++ip % 250}`,
) =>
  t.app.inject({
    method,
    url,
    remoteAddress,
    headers: cookie ? { cookie } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

async function notificationsOf(person: Person) {
  return (await call('GET', '/api/notifications', person.cookie)).json().data as {
    kind: string;
    title: string;
    body: string;
    url: string;
  }[];
}

async function requestsFrom(email: string) {
  return db().select().from(contactRequests).where(eq(contactRequests.email, email));
}

describe('contacting the coordinators', () => {
  it('takes a message from someone signed out and tells every coordinator and administrator', async () => {
    const response = await call('POST', '/api/contact', undefined, {
      topic: 'start_community',
      message: 'I would like to start a community on outdoor learning.',
      name: 'Robin Visitor',
      email: 'Robin@Example.test',
    });
    expect(response.statusCode).toBe(201);
    const [saved] = await requestsFrom('robin@example.test');
    expect(saved).toMatchObject({
      name: 'Robin Visitor',
      senderId: null,
      status: 'open',
      topic: 'start_community',
    });

    for (const person of [coordinator, admin]) {
      expect(await notificationsOf(person)).toContainEqual(
        expect.objectContaining({
          kind: 'coordinator.contact',
          title: "Contact request: I'd like to start a community",
          url: `/coordination/inbox/${saved?.id}`,
        }),
      );
      const { message } = await latestEmailTo(db(), person.user.email);
      expect(message?.textBody).toContain('outdoor learning');
    }
    expect((await notificationsOf(member)).map((n) => n.kind)).not.toContain('coordinator.contact');
  });

  it('answers a signed-in person at their account, whatever name and address they type', async () => {
    const response = await call('POST', '/api/contact', member.cookie, {
      topic: 'logistics',
      message: 'We need a room for 30 people.',
      name: 'Someone Else',
      email: 'someone-else@example.test',
    });
    expect(response.statusCode).toBe(201);
    const [saved] = await requestsFrom(member.user.email);
    expect(saved).toMatchObject({
      senderId: member.user.id,
      name: member.user.displayName,
      topic: 'logistics',
    });
    expect(await requestsFrom('someone-else@example.test')).toEqual([]);
    // External guests may write too; a coordinator writing is not notified of their own message.
    expect(
      (await call('POST', '/api/contact', external.cookie, { topic: 'other', message: 'Hello' })).statusCode,
    ).toBe(201);
    const before = (await notificationsOf(coordinator)).length;
    expect(
      (await call('POST', '/api/contact', coordinator.cookie, { topic: 'other', message: 'Note to self' }))
        .statusCode,
    ).toBe(201);
    expect((await notificationsOf(coordinator)).length).toBe(before);
    expect((await notificationsOf(admin)).map((n) => n.body)).toContainEqual(
      expect.stringContaining('Note to self'),
    );
  });

  it('refuses bad input field by field and saves nothing', async () => {
    const [before] = await db().select({ n: sql<number>`count(*)::int` }).from(contactRequests);
    const good = { topic: 'other', message: 'Hello', name: 'Ada', email: 'ada@example.test' };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ ...good, name: undefined, email: undefined }, ['name', 'email']],
      [{ ...good, email: undefined }, ['email']],
      [{ ...good, name: '  ' }, ['name']],
      [{ ...good, email: 'not an address' }, ['email']],
      [{ ...good, topic: 'complaint' }, ['topic']],
      [{ ...good, topic: undefined }, ['topic']],
      [{ ...good, message: '   ' }, ['message']],
      [{ ...good, message: 'x'.repeat(5001) }, ['message']],
      [{ ...good, priority: 'high' }, []],
    ];
    for (const [payload, fields] of cases) {
      const response = await call('POST', '/api/contact', undefined, payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      for (const field of fields) expect(Object.keys(response.json().fields ?? {})).toContain(field);
    }
    const missing = await call('POST', '/api/contact', undefined, { topic: 'other', message: 'Hi' });
    expect(missing.json().fields.email).toMatch(/so the coordinators can answer/);
    const [after] = await db().select({ n: sql<number>`count(*)::int` }).from(contactRequests);
    expect(after?.n).toBe(before?.n);
  });

  it('limits how often one address may write', async () => {
    const payload = { topic: 'other', message: 'Spam?', name: 'Sam', email: 'sam@example.test' };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await call('POST', '/api/contact', undefined, payload, '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses[10]).toBe(429);
    expect(await requestsFrom('sam@example.test')).toHaveLength(10);
    // Another address is not affected.
    expect((await call('POST', '/api/contact', undefined, payload, '10.9.9.10')).statusCode).toBe(201);
  });
});

describe("the coordinators' inbox", () => {
  it('is for coordinators and administrators only', async () => {
    const request = await createContactRequest(db());
    const urls: ['GET' | 'POST', string, unknown?][] = [
      ['GET', '/api/coordinator/contact-requests'],
      ['GET', `/api/coordinator/contact-requests/${request.id}`],
      ['POST', `/api/coordinator/contact-requests/${request.id}/replies`, { body: 'Hello' }],
      ['POST', `/api/coordinator/contact-requests/${request.id}/done`],
      ['POST', `/api/coordinator/contact-requests/${request.id}/reopen`],
    ];
    for (const [method, url, payload] of urls) {
      expect((await call(method, url, undefined, payload)).statusCode, url).toBe(401);
      for (const person of [member, external])
        expect((await call(method, url, person.cookie, payload)).statusCode, url).toBe(403);
    }
    expect((await call('GET', urls[1]?.[1] ?? '', coordinator.cookie)).statusCode).toBe(200);
    expect((await call('GET', urls[1]?.[1] ?? '', admin.cookie)).statusCode).toBe(200);
    const unknown = `/api/coordinator/contact-requests/${crypto.randomUUID()}`;
    expect((await call('GET', unknown, coordinator.cookie)).statusCode).toBe(404);
    expect((await call('POST', `${unknown}/replies`, coordinator.cookie, { body: 'Hi' })).statusCode).toBe(
      404,
    );
    expect((await call('POST', `${unknown}/done`, coordinator.cookie)).statusCode).toBe(404);
    // Nothing the refused calls tried was written.
    expect(await db().select().from(contactReplies).where(eq(contactReplies.requestId, request.id))).toEqual(
      [],
    );
    const [unchanged] = await requestsFrom(request.email);
    expect(unchanged?.status).toBe('open');
  });

  it('answers by email, keeps the answer, and marks the request done or open again', async () => {
    const request = await createContactRequest(db(), { name: 'Kim Sender', email: 'kim@example.test' });
    const url = `/api/coordinator/contact-requests/${request.id}`;
    expect((await call('POST', `${url}/replies`, coordinator.cookie, { body: '  ' })).statusCode).toBe(400);

    const replied = await call('POST', `${url}/replies`, coordinator.cookie, {
      body: 'Happy to help.\n\nLet us meet on Tuesday.',
    });
    expect(replied.statusCode).toBe(201);
    expect(replied.json().data).toMatchObject({
      status: 'open',
      handledBy: { id: coordinator.user.id },
      replies: [{ body: 'Happy to help.\n\nLet us meet on Tuesday.', author: { id: coordinator.user.id } }],
    });
    const { message } = await latestEmailTo(db(), 'kim@example.test');
    expect(message?.subject).toBe("Re: I'd like to start a community");
    expect(message?.textBody).toContain('Hello Kim Sender,');
    expect(message?.textBody).toContain('Let us meet on Tuesday.');
    expect(message?.textBody).toContain('outdoor learning');

    const inbox = async (status: string) =>
      (await call('GET', `/api/coordinator/contact-requests?status=${status}&limit=100`, admin.cookie)).json()
        .data as { id: string; replyCount: number }[];
    expect(await inbox('open')).toContainEqual(expect.objectContaining({ id: request.id, replyCount: 1 }));

    const done = await call('POST', `${url}/done`, admin.cookie);
    expect(done.statusCode).toBe(200);
    expect(done.json().data).toMatchObject({ status: 'done', handledBy: { id: admin.user.id } });
    expect(done.json().data.doneAt).not.toBeNull();
    expect((await call('POST', `${url}/done`, coordinator.cookie)).statusCode).toBe(409);
    expect((await inbox('open')).map((r) => r.id)).not.toContain(request.id);
    expect((await inbox('done')).map((r) => r.id)).toContain(request.id);

    const reopened = await call('POST', `${url}/reopen`, coordinator.cookie);
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().data).toMatchObject({ status: 'open', doneAt: null });
    expect((await call('POST', `${url}/reopen`, coordinator.cookie)).statusCode).toBe(409);
  });

  it('pages newest first without gaps or repeats', async () => {
    const created = await db().transaction(async (tx) => {
      const rows = [];
      for (let i = 0; i < 5; i++) rows.push(await createContactRequest(tx, { status: 'done' }));
      return rows;
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/coordinator/contact-requests?status=done&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await call('GET', url, coordinator.cookie)).json() as {
        data: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...body.data.map((r) => r.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(created.map((r) => r.id)));
    expect(
      (await call('GET', '/api/coordinator/contact-requests?cursor=abc', coordinator.cookie)).statusCode,
    ).toBe(400);
    expect(
      (await call('GET', '/api/coordinator/contact-requests?status=closed', coordinator.cookie)).statusCode,
    ).toBe(400);
  });
});
