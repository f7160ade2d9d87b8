import { once } from 'node:events';
import { connect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../test/app.ts';
import { createTestCommunity, signedInUser } from '../test/factories.ts';

/**
 * Requests on a real socket: a declared upload size over the limit is refused before the body is
 * read, and a sender that stops sending is dropped after REQUEST_IDLE_TIMEOUT_MS (short here).
 */
const idleMs = 1000;
let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await getTestApp({ env: { REQUEST_IDLE_TIMEOUT_MS: String(idleMs) } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => t.close());

/**
 * Writes `chunks` to a new connection (`gapMs` apart) and collects what comes back until the server
 * closes the connection or `waitMs` passes.
 */
async function exchange(chunks: (string | Buffer)[], options: { gapMs?: number; waitMs: number }) {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let received = '';
  socket.on('data', (data) => {
    received += data.toString('utf8');
  });
  socket.on('error', () => undefined);
  const started = Date.now();
  const closed = new Promise<boolean>((resolve) => {
    socket.once('close', () => resolve(true));
    setTimeout(() => resolve(false), options.waitMs).unref();
  });
  for (const [index, chunk] of chunks.entries()) {
    if (index > 0 && options.gapMs) await delay(options.gapMs);
    if (!socket.destroyed) socket.write(chunk);
  }
  const didClose = await closed;
  socket.destroy();
  const status = Number(received.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0);
  const body = received.includes('\r\n\r\n') ? received.slice(received.indexOf('\r\n\r\n') + 4) : '';
  return { status, body, closed: didClose, elapsedMs: Date.now() - started };
}

const head = (method: string, path: string, headers: Record<string, string>) =>
  `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;

describe('declared upload sizes', () => {
  it('refuses a 50 GiB Content-Length on every upload at once with 413 and closes the connection', async () => {
    const leader = await signedInUser(t.app, { role: 'administrator' });
    const community = await createTestCommunity(t.database.db, [leader.user.id]);
    const uploads = [
      `/api/communities/${community.slug}/resources/upload`,
      `/api/communities/${community.slug}/invitations/csv?dryRun=true`,
      '/api/admin/institution/logo',
    ];
    for (const path of uploads) {
      const response = await exchange(
        [
          head(path.endsWith('logo') ? 'PUT' : 'POST', path, {
            cookie: leader.cookie,
            'content-type': 'multipart/form-data; boundary=x',
            'content-length': String(50 * 1024 ** 3),
          }),
          '--x\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n\r\n',
        ],
        // The body never comes: 413 (not the idle timeout's 408) shows the answer did not wait for it.
        { waitMs: idleMs * 5 },
      );
      expect(response.status, `${path}: ${response.body}`).toBe(413);
      expect(JSON.parse(response.body)).toMatchObject({ error: 'payload_too_large' });
      expect(JSON.parse(response.body).fields).toHaveProperty('file');
      expect(response.closed, path).toBe(true);
    }
  });
});

describe('slow senders', () => {
  it('drops a JSON body that stops arriving with 408 and closes the connection', async () => {
    const response = await exchange(
      [
        head('POST', '/api/auth/signin', { 'content-type': 'application/json', 'content-length': '200' }),
        '{"email":"someone@example.test",',
      ],
      { waitMs: idleMs * 5 },
    );
    expect(response.status, response.body).toBe(408);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'request_timeout' });
    expect(response.closed).toBe(true);
    expect(response.elapsedMs).toBeGreaterThanOrEqual(idleMs - 50);
  });

  it('drops an upload that stops arriving with 408', async () => {
    const member = await signedInUser(t.app);
    const community = await createTestCommunity(t.database.db, [member.user.id]);
    const response = await exchange(
      [
        head('POST', `/api/communities/${community.slug}/resources/upload`, {
          cookie: member.cookie,
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(1024 * 1024),
        }),
        '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nfile\r\n--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nSlow\r\n',
        '--x\r\nContent-Disposition: form-data; name="file"; filename="slow.png"\r\n\r\n',
      ],
      { waitMs: idleMs * 5 },
    );
    expect(response.status, response.body).toBe(408);
    expect(response.closed).toBe(true);
  });

  it('drops a request whose headers stop arriving', async () => {
    const response = await exchange([`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`], {
      waitMs: idleMs * 5,
    });
    expect(response.status).toBe(408);
    expect(response.closed).toBe(true);
  });

  it('keeps a slow sender that keeps sending', async () => {
    const body = JSON.stringify({ email: 'nobody@example.test', password: 'a wrong password here' });
    // Six pieces a quarter of the idle limit apart: slower than the limit in all, never idle for it, with
    // room for a busy machine's scheduling delays.
    const pieces = Array.from({ length: 6 }, (_, i) =>
      body.slice((i * body.length) / 6, ((i + 1) * body.length) / 6),
    );
    const response = await exchange(
      [
        head('POST', '/api/auth/signin', {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          connection: 'close',
        }),
        ...pieces,
      ],
      { gapMs: idleMs / 4, waitMs: idleMs * 10 },
    );
    expect(response.elapsedMs).toBeGreaterThan(idleMs);
    expect(response.status, response.body).toBe(401);
  });
});
