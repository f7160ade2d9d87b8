import { openAsBlob } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { WorkerInbound, WorkerOptions, WorkerOutbound } from './pglite-thread.ts';

/**
 * The PGlite thread: PGlite runs here, off the main event loop, and speaks the PostgreSQL wire
 * protocol to node-postgres connections whose bytes the main thread relays (pglite-thread.ts). PGlite
 * has one session, so this file multiplexes the connections onto it:
 * - a connection's messages run in batches that end at a Sync or a simple Query, one batch at a time;
 * - a connection whose batch leaves the session in a transaction ('T' or 'E' in ReadyForQuery) owns
 *   the session until a batch of its own leaves it idle: no other connection's statement runs inside
 *   another's transaction;
 * - named prepared statements are renamed per connection (`c<id>_<name>`), as each node-postgres
 *   connection prepares its own; when a connection ends, its statements are closed and a transaction
 *   it left open is rolled back.
 * The startup handshake is answered here (no authentication: only this process reaches the thread).
 */

const options = workerData as WorkerOptions;
const port = parentPort;
if (!port) throw new Error('pglite-worker.ts runs as a worker thread');

const persistent = options.dataDir !== 'memory://';
const client = await PGlite.create({
  dataDir: options.dataDir,
  // Search folds accents with unaccent (migration 0011): PGlite loads it as a contrib extension.
  extensions: { unaccent },
  // PGlite's shared buffers sit inside its WebAssembly memory, beside the same pages in the data folder
  // (the OS caches those) or in its in-memory file system: 16 MB instead of PostgreSQL's 128 MB takes
  // about 110 MB off the process (a fresh start: 999 -> 740 MB at the peak, 647 -> 534 MB settled).
  postgresqlconf: ['shared_buffers = 16MB'],
  // A Blob backed by the file: PGlite reads the dump from disk as it unpacks it, with no copy of it.
  ...(options.templateFile ? { loadDataDir: await openAsBlob(options.templateFile) } : {}),
}).catch((error: unknown) => {
  port.postMessage({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
  } satisfies WorkerOutbound);
  return undefined;
});

interface Connection {
  id: number;
  open: boolean;
  started: boolean;
  pending: Buffer;
  batch: Buffer[];
  statements: Set<string>;
}

interface Job {
  connection: Connection;
  bytes: Buffer;
  /** The batch ended at a Flush: the connection is mid-pipeline and keeps the session. */
  holds: boolean;
  /** A cleanup batch of a closed connection: its answer goes nowhere. */
  internal: boolean;
}

const connections = new Map<number, Connection>();
const queue: Job[] = [];
let owner: Connection | undefined;
let running = false;

const sslRequestCode = 80_877_103;

function send(message: WorkerOutbound, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

function reply(connection: Connection, bytes: Uint8Array): void {
  if (!connection.open || bytes.length === 0) return;
  // A view into a larger buffer (Node's pool) is copied: transferring it would detach the rest.
  const copy =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !Buffer.isBuffer(bytes)
      ? bytes
      : new Uint8Array(bytes);
  send({ type: 'data', id: connection.id, bytes: copy }, [copy.buffer as ArrayBuffer]);
}

/** A backend message: type byte, int32 length (counting itself), body. */
function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
}

function cstring(text: string): Buffer {
  return Buffer.from(`${text}\0`, 'utf8');
}

function parameterStatus(name: string, value: string): Buffer {
  return message('S', Buffer.concat([cstring(name), cstring(value)]));
}

/** AuthenticationOk, the parameters a client reads, BackendKeyData, ReadyForQuery (idle). */
function startupReply(id: number): Buffer {
  return Buffer.concat([
    message('R', int32(0)),
    parameterStatus('server_version', '17.5'),
    parameterStatus('server_encoding', 'UTF8'),
    parameterStatus('client_encoding', 'UTF8'),
    parameterStatus('DateStyle', 'ISO, MDY'),
    parameterStatus('integer_datetimes', 'on'),
    parameterStatus('standard_conforming_strings', 'on'),
    message('K', Buffer.concat([int32(id), int32(0)])),
    message('Z', Buffer.from('I', 'latin1')),
  ]);
}

/** The statement-name prefix of a connection; the unnamed statement ('') stays unnamed. */
function rename(connection: Connection, name: string): string {
  if (name === '') return name;
  const renamed = `c${connection.id}_${name}`;
  connection.statements.add(renamed);
  return renamed;
}

function readCString(buffer: Buffer, offset: number): { text: string; end: number } {
  const end = buffer.indexOf(0, offset);
  return { text: buffer.toString('utf8', offset, end), end: end + 1 };
}

/** Parse, Bind, Describe and Close name statements: those names are made the connection's own. */
function renameStatements(connection: Connection, type: number, frame: Buffer): Buffer {
  const body = 5;
  if (type === 0x50 /* P */) {
    const name = readCString(frame, body);
    return message('P', Buffer.concat([cstring(rename(connection, name.text)), frame.subarray(name.end)]));
  }
  if (type === 0x42 /* B */) {
    const portal = readCString(frame, body);
    const statement = readCString(frame, portal.end);
    return message(
      'B',
      Buffer.concat([
        frame.subarray(body, portal.end),
        cstring(rename(connection, statement.text)),
        frame.subarray(statement.end),
      ]),
    );
  }
  if ((type === 0x44 /* D */ || type === 0x43) /* C */ && frame[body] === 0x53 /* S */) {
    const name = readCString(frame, body + 1);
    return message(
      String.fromCharCode(type),
      Buffer.concat([Buffer.from('S', 'latin1'), cstring(rename(connection, name.text))]),
    );
  }
  return frame;
}

/** Splits what a connection sent into messages, and queues each batch that ends at Sync, Query or Flush. */
function receive(connection: Connection, bytes: Buffer): void {
  connection.pending = connection.pending.length === 0 ? bytes : Buffer.concat([connection.pending, bytes]);
  let pending = connection.pending;
  while (!connection.started && pending.length >= 8) {
    const length = pending.readInt32BE(0);
    if (pending.length < length) break;
    const code = pending.readInt32BE(4);
    pending = pending.subarray(length);
    if (code === sslRequestCode) reply(connection, Buffer.from('N', 'latin1'));
    else {
      connection.started = true;
      reply(connection, startupReply(connection.id));
    }
  }
  while (connection.started && pending.length >= 5) {
    const type = pending[0] ?? 0;
    const length = pending.readInt32BE(1);
    if (pending.length < length + 1) break;
    const frame = pending.subarray(0, length + 1);
    pending = pending.subarray(length + 1);
    if (type === 0x58 /* X: Terminate */) {
      end(connection);
      return;
    }
    connection.batch.push(renameStatements(connection, type, frame));
    if (type === 0x53 /* S */ || type === 0x51 /* Q */ || type === 0x48 /* H */) {
      queue.push({
        connection,
        bytes: Buffer.concat(connection.batch),
        holds: type === 0x48,
        internal: false,
      });
      connection.batch = [];
    }
  }
  connection.pending = pending;
  void pump();
}

/** The transaction status of the last ReadyForQuery in a backend answer, if there is one. */
function transactionStatus(bytes: Uint8Array): number | undefined {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let status: number | undefined;
  for (let offset = 0; offset + 5 <= view.length; ) {
    const type = view[offset];
    const length = view.readInt32BE(offset + 1);
    if (type === 0x5a /* Z */) status = view[offset + 5];
    offset += length + 1;
  }
  return status;
}

/** Runs the queued batches one at a time, the session's owner first. */
async function pump(): Promise<void> {
  if (running || !client) return;
  running = true;
  try {
    for (;;) {
      const held = owner;
      const index = held ? queue.findIndex((job) => job.connection === held) : 0;
      if (index < 0 || queue.length === 0) break;
      const [job] = queue.splice(index, 1);
      if (!job) break;
      const answer = await client.execProtocolRaw(job.bytes, { syncToFs: persistent });
      const status = transactionStatus(answer);
      if (!job.internal) reply(job.connection, answer);
      owner = job.holds || (status !== undefined && status !== 0x49) /* I */ ? job.connection : undefined;
      if (job.internal && owner === job.connection) owner = undefined;
    }
  } finally {
    running = false;
  }
}

/** A connection went away: roll back what it left open and close its prepared statements. */
function end(connection: Connection): void {
  if (!connection.open) return;
  connection.open = false;
  connections.delete(connection.id);
  const parts: Buffer[] = [];
  if (owner === connection) parts.push(message('Q', cstring('rollback')));
  for (const name of connection.statements) {
    parts.push(message('C', Buffer.concat([Buffer.from('S', 'latin1'), cstring(name)])));
  }
  if (parts.length > 0) {
    parts.push(message('S', Buffer.alloc(0)));
    // Its unfinished batches go; the cleanup runs next if it holds the session, else in turn.
    for (let index = queue.length - 1; index >= 0; index--) {
      if (queue[index]?.connection === connection) queue.splice(index, 1);
    }
    queue.push({ connection, bytes: Buffer.concat(parts), holds: false, internal: true });
    void pump();
  } else {
    for (let index = queue.length - 1; index >= 0; index--) {
      if (queue[index]?.connection === connection) queue.splice(index, 1);
    }
  }
}

async function close(): Promise<void> {
  for (const connection of [...connections.values()]) end(connection);
  while (running || queue.length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  if (client && !client.closed) {
    // A checkpoint writes everything to the data files, so the next start replays no WAL.
    if (persistent) await client.query('checkpoint');
    await client.close();
  }
  send({ type: 'closed' });
}

port.on('message', (inbound: WorkerInbound) => {
  switch (inbound.type) {
    case 'open':
      connections.set(inbound.id, {
        id: inbound.id,
        open: true,
        started: false,
        pending: Buffer.alloc(0),
        batch: [],
        statements: new Set(),
      });
      break;
    case 'data': {
      const connection = connections.get(inbound.id);
      if (connection)
        receive(
          connection,
          Buffer.from(inbound.bytes.buffer, inbound.bytes.byteOffset, inbound.bytes.byteLength),
        );
      break;
    }
    case 'end': {
      const connection = connections.get(inbound.id);
      if (connection) end(connection);
      break;
    }
    case 'close':
      void close();
      break;
  }
});

if (client) send({ type: 'ready' });
