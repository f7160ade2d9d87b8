import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServerTestDatabase } from './test/database.ts';
import { freePort, startCopse, waitForHealth } from './test/process.ts';

/**
 * SIGTERM drains (#12 item 2): with requests in flight, on keep-alive connections and new ones, the
 * process stops accepting, answers every request it already has, then stops the job workers and closes
 * the database, and exits 0 with a clean log. On PostgreSQL when TEST_DATABASE_URL is set, else PGlite.
 */
interface Answer {
  status: number;
  /** When the response ended, in ms since the epoch. */
  at: number;
}

function call(
  agent: Agent,
  port: number,
  method: string,
  url: string,
  cookie: string,
  body?: unknown,
  /** Sends the first half of the body at once and the rest when this resolves (a request in flight). */
  restOfBodyAfter?: Promise<void>,
): { sent: Promise<void>; answer: Promise<Answer> } {
  let markSent = () => {};
  const sent = new Promise<void>((resolve) => {
    markSent = resolve;
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method,
        path: url,
        headers: {
          cookie,
          origin: `http://127.0.0.1:${port}`,
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, at: Date.now() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload && restOfBodyAfter !== undefined) {
      const half = Math.floor(payload.length / 2);
      req.write(payload.slice(0, half), () => markSent());
      void restOfBodyAfter.then(() => req.end(payload.slice(half)));
    } else {
      req.on('finish', markSent);
      req.end(payload);
    }
  });
  return { sent, answer };
}

describe('SIGTERM with requests in flight', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('answers all 50, stops the workers, closes the database and exits 0', async () => {
    const server = await createServerTestDatabase();
    if (server) cleanups.push(server.drop);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'copse-drain-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const copse = startCopse(dataDir, port, server?.url, { LOG_LEVEL: 'info' });
    await waitForHealth(port);
    const setup = await fetch(`http://127.0.0.1:${port}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        institutionName: 'Draining College',
        email: 'root@example.test',
        password: 'long admin password',
        displayName: 'Root',
      }),
    });
    expect(setup.status).toBe(201);
    const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    // 25 keep-alive connections, opened and idle before the load.
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    cleanups.push(async () => agent.destroy());
    const warm = Array.from({ length: 25 }, () => call(agent, port, 'GET', '/api/institution', cookie));
    for (const { answer } of warm) expect((await answer).status).toBe(200);

    // 50 requests: 25 on those connections, 25 on new ones; slow-ish reads and some writes. The first
    // write's body is still arriving when the signal comes (the rest of it 200 ms after), so at least one
    // request is surely in flight however fast the others are answered.
    const received = () => copse.output().split('"msg":"incoming request"').length - 1;
    const receivedBefore = received();
    let releaseBody = () => {};
    const restOfBody = new Promise<void>((resolve) => {
      releaseBody = resolve;
    });
    const calls = Array.from({ length: 50 }, (_, index) =>
      index % 5 === 0
        ? call(
            agent,
            port,
            'POST',
            '/api/proposals',
            cookie,
            {
              name: `Drained community ${index}`,
              purpose: 'A community proposed while Copse shuts down.',
            },
            index === 0 ? restOfBody : undefined,
          )
        : index % 5 === 1
          ? call(agent, port, 'GET', '/api/proposals', cookie)
          : call(agent, port, 'GET', `/api/search?q=community+${index}`, cookie),
    );
    await Promise.all(calls.map(({ sent }) => sent));
    // In flight means Copse has them: a new connection the client has written to may still wait in
    // the kernel's queue, not yet accepted, and closing the listener resets those (ECONNRESET). The
    // signal goes once Copse has logged all 50 as received.
    const deadline = Date.now() + 20_000;
    while (received() < receivedBefore + 50 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(received()).toBeGreaterThanOrEqual(receivedBefore + 50);
    const signalledAt = Date.now();
    copse.child.kill('SIGTERM');
    setTimeout(releaseBody, 200);

    const answers = await Promise.allSettled(calls.map(({ answer }) => answer));
    const failures = answers.flatMap((result) =>
      result.status === 'rejected' ? [String(result.reason)] : [],
    );
    expect(failures).toEqual([]);
    const statuses = answers.map((result) => (result.status === 'fulfilled' ? result.value.status : 0));
    expect(statuses.filter((status) => status !== 200 && status !== 201)).toEqual([]);
    // The load was really in flight: some answers came after the signal.
    const late = answers.filter((result) => result.status === 'fulfilled' && result.value.at >= signalledAt);
    expect(late.length).toBeGreaterThan(0);

    expect(await copse.exited).toBe(0);
    const log = copse.output();
    expect(log).not.toContain('Cannot use a pool');
    expect(log).not.toContain('killed by timeout');
    expect(log).not.toMatch(/"level":(50|60)/);
  }, 240_000);
});
