import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent, createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './db/client.ts';
import { createServerTestDatabase } from './test/database.ts';
import { createTestCommunity, createUser, testPassword } from './test/factories.ts';
import { type CopseProcess, freePort, startCopse, waitForHealth } from './test/process.ts';
import { type S3TestServer, startS3Server } from './test/s3.ts';

/**
 * Two Copse processes on one PostgreSQL database and one S3 bucket, behind a round-robin proxy, as an
 * installation runs them behind a load balancer (#15 §5): nothing a person does depends on which
 * process answers. Every answer says which process gave it (`x-upstream`), so each check shows that
 * both took part. PostgreSQL pass only (two processes cannot share an embedded database).
 */

/** A tiny load balancer: each request goes to the next upstream in turn, X-Forwarded-For appended. */
async function startRoundRobin(port: number, upstreams: number[]): Promise<Server> {
  const agent = new Agent({ keepAlive: true });
  let turn = 0;
  const server = createServer((incoming, outgoing) => {
    const index = turn++ % upstreams.length;
    const forwarded = [incoming.headers['x-forwarded-for'], incoming.socket.remoteAddress]
      .filter(Boolean)
      .join(', ');
    const upstream = request(
      {
        agent,
        host: '127.0.0.1',
        port: upstreams[index],
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, 'x-forwarded-for': forwarded },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-upstream': String(index) });
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  server.on('close', () => agent.destroy());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

/** An SMTP server on loopback that keeps every message's recipients. */
async function startMailbox(): Promise<{ port: number; received: string[]; close: () => Promise<void> }> {
  const received: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        for (const to of session.envelope.rcptTo) received.push(to.address);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const address = smtp.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, received, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

interface Answer {
  status: number;
  upstream: string | null;
  headers: Headers;
  body: Buffer;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two Copse processes behind a proxy', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  let base = '';
  let database: Database;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;

  async function call(
    method: string,
    url: string,
    options: { cookie?: string; json?: unknown; form?: FormData; headers?: IncomingHttpHeaders } = {},
  ): Promise<Answer> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(options.headers ?? {}))
      if (typeof value === 'string') headers.set(name, value);
    if (options.cookie) headers.set('cookie', options.cookie);
    if (options.json !== undefined) headers.set('content-type', 'application/json');
    const response = await fetch(`${base}${url}`, {
      method,
      headers,
      body: options.form ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
      signal: AbortSignal.timeout(15_000),
    });
    return {
      status: response.status,
      upstream: response.headers.get('x-upstream'),
      headers: response.headers,
      body: Buffer.from(await response.arrayBuffer()),
    };
  }

  const json = (answer: Answer) => JSON.parse(answer.body.toString()) as { data: Record<string, unknown> };

  async function signIn(email: string): Promise<{ cookie: string; upstream: string | null }> {
    const answer = await call('POST', '/api/auth/signin', { json: { email, password: testPassword } });
    expect(answer.status).toBe(200);
    const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('copse_session='));
    if (!cookie) throw new Error('no session cookie');
    return { cookie: cookie.split(';')[0] ?? '', upstream: answer.upstream };
  }

  beforeAll(async () => {
    // A copy of the migrated template: pg-boss's schema is not in it, so both processes install it at once.
    const server = await createServerTestDatabase({ migrated: true });
    if (!server) throw new Error('needs TEST_DATABASE_URL');
    cleanups.push(server.drop);
    const s3: S3TestServer = await startS3Server();
    cleanups.push(s3.close);
    mailbox = await startMailbox();
    cleanups.push(mailbox.close);

    const proxyPort = await freePort();
    base = `http://127.0.0.1:${proxyPort}`;
    const ports = [await freePort(), await freePort()];
    const processes: CopseProcess[] = [];
    for (const port of ports) {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'copse-two-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      // Both start at once: the start-up advisory lock lets one at a time migrate and install pg-boss.
      const copse = startCopse(dataDir, port, server.url, {
        ...s3.env('copse/'),
        TRUST_PROXY: 'true',
        PUBLIC_URL: base,
        SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
      });
      processes.push(copse);
      cleanups.push(async () => {
        if (copse.child.exitCode === null) {
          copse.child.kill('SIGTERM');
          expect(await copse.exited).toBe(0);
        }
      });
    }
    await Promise.all(
      ports.map((port, i) =>
        waitForHealth(port).catch((error: unknown) => {
          throw new Error(`process ${i}: ${String(error)}\n${processes[i]?.output()}`);
        }),
      ),
    );
    const proxy = await startRoundRobin(proxyPort, ports);
    cleanups.push(() => new Promise<void>((resolve) => proxy.close(() => resolve())));
    database = await openDatabase({ databaseUrl: server.url, poolSize: 2 });
    cleanups.push(() => database.close());
  }, 120_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 60_000);

  it('keeps a session, counts sign-in failures, shares uploads and notifications, and sends each email once', async () => {
    const db = database.db;
    const ana = await createUser(db, { email: 'ana@example.test', displayName: 'Ana' });
    const ben = await createUser(db, { email: 'ben@example.test', displayName: 'Ben' });
    const community = await createTestCommunity(db, [ana.id], { members: [[ben.id, 'member']] });

    // A session made on one process is known to the other.
    const signedIn = await signIn(ana.email);
    const me = [await call('GET', '/api/me', { cookie: signedIn.cookie })];
    me.push(await call('GET', '/api/me', { cookie: signedIn.cookie }));
    expect(me.map((answer) => answer.status)).toEqual([200, 200]);
    expect(new Set([signedIn.upstream, ...me.map((answer) => answer.upstream)])).toEqual(new Set(['0', '1']));
    expect(json(me[0] as Answer).data.email).toBe(ana.email);

    // Sign-in failures from one address count across both: five free failures, then a wait.
    const guess = (n: number) =>
      call('POST', '/api/auth/signin', {
        json: { email: ben.email, password: `wrong guess ${n}` },
        headers: { 'x-forwarded-for': '203.0.113.7' },
      });
    const failures: Answer[] = [];
    for (let n = 0; n < 6; n++) failures.push(await guess(n));
    expect(failures.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(new Set(failures.slice(0, 5).map((answer) => answer.upstream))).toEqual(new Set(['0', '1']));
    expect(Number(failures[5]?.headers.get('retry-after'))).toBeGreaterThan(0);

    // An upload through one process downloads through the other (one bucket).
    const lessonPlan = await readFile(new URL('./lib/files/fixtures/lesson-plan.docx', import.meta.url));
    const form = new FormData();
    form.set('kind', 'lesson_plan');
    form.set('title', 'Fractions lesson plan');
    form.set('file', new Blob([lessonPlan]), 'Fractions plan.docx');
    const uploaded = await call('POST', `/api/communities/${community.slug}/resources/upload`, {
      cookie: signedIn.cookie,
      form,
    });
    expect(uploaded.status).toBe(201);
    const resourceId = json(uploaded).data.id as string;
    const downloads = [
      await call('GET', `/api/resources/${resourceId}/download`, { cookie: signedIn.cookie }),
      await call('GET', `/api/resources/${resourceId}/download`, { cookie: signedIn.cookie }),
    ];
    for (const download of downloads) {
      expect(download.status).toBe(200);
      expect(download.body.equals(lessonPlan)).toBe(true);
    }
    expect(new Set(downloads.map((answer) => answer.upstream))).toEqual(new Set(['0', '1']));

    // A notification made through one process is listed through the other: Ben replies to Ana's thread.
    const thread = await call('POST', `/api/communities/${community.slug}/threads`, {
      cookie: signedIn.cookie,
      json: { title: 'Two processes', body: 'Does this reach everyone?' },
    });
    expect(thread.status).toBe(201);
    const benSession = await signIn(ben.email);
    const replied = await call('POST', `/api/threads/${json(thread).data.id}/replies`, {
      cookie: benSession.cookie,
      json: { body: 'It does.' },
    });
    expect(replied.status).toBe(201);
    const lists = [
      await call('GET', '/api/notifications', { cookie: signedIn.cookie }),
      await call('GET', '/api/notifications', { cookie: signedIn.cookie }),
    ];
    expect(new Set(lists.map((answer) => answer.upstream))).toEqual(new Set(['0', '1']));
    for (const list of lists) {
      const items = JSON.parse(list.body.toString()).data as { kind: string; url: string }[];
      // Ben's reply, beside the badge Ana earned for her first post.
      expect(items.map((item) => item.kind).sort()).toEqual(['community.badge', 'discussion.reply']);
      expect(items.find((item) => item.kind === 'discussion.reply')?.url).toContain(
        `/discussions/${json(thread).data.id}`,
      );
    }

    // Each email job runs once, whichever process's worker takes it: three sign-ups (each a
    // confirmation) and the reply's email to Ana arrive exactly once each.
    const newcomers = ['cleo@example.test', 'dev@example.test', 'eli@example.test'];
    for (const email of newcomers) {
      const answer = await call('POST', '/api/auth/signup', {
        json: { email, password: 'long enough password', displayName: 'Newcomer' },
      });
      expect(answer.status).toBe(201);
    }
    const expected = [ana.email, ...newcomers].sort();
    const deadline = Date.now() + 20_000;
    while (expected.some((email) => !mailbox.received.includes(email)) && Date.now() < deadline)
      await sleep(200);
    // Both workers poll every 2 s: one more round would have sent any second copy.
    await sleep(2_500);
    expect([...mailbox.received].sort()).toEqual(expected);
  }, 60_000);
});
