import { Duplex } from 'node:stream';
import { Worker } from 'node:worker_threads';

/** What the PGlite thread starts with: its data folder and, for a new one, the file of a dump to load. */
export interface WorkerOptions {
  dataDir: string;
  templateFile?: string | undefined;
}

export type WorkerInbound =
  | { type: 'open'; id: number }
  | { type: 'data'; id: number; bytes: Uint8Array }
  | { type: 'end'; id: number }
  | { type: 'close' };

export type WorkerOutbound =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'data'; id: number; bytes: Uint8Array }
  | { type: 'closed' };

export interface PgliteThread {
  /** A new connection to the thread, for node-postgres's `stream` option (it calls `connect()`). */
  connect(): Duplex;
  /** Ends every connection, checkpoints a data folder, closes PGlite and stops the thread. */
  close(): Promise<void>;
}

/**
 * One node-postgres connection to the PGlite thread: what pg writes goes to the thread, what the
 * thread answers is read by pg. It stands in for a socket, so it answers the socket calls pg makes.
 */
class ThreadSocket extends Duplex {
  readonly #id: number;
  readonly #post: (message: WorkerInbound) => void;
  #ended = false;

  constructor(id: number, post: (message: WorkerInbound) => void) {
    super();
    this.#id = id;
    this.#post = post;
  }

  connect(): this {
    this.#post({ type: 'open', id: this.#id });
    setImmediate(() => this.emit('connect'));
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.#post({ type: 'data', id: this.#id, bytes: chunk });
    callback();
  }

  override _writev(
    chunks: { chunk: Buffer; encoding: BufferEncoding }[],
    callback: (error?: Error | null) => void,
  ): void {
    this.#post({ type: 'data', id: this.#id, bytes: Buffer.concat(chunks.map((part) => part.chunk)) });
    callback();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.#finish();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#finish();
    callback(error);
  }

  #finish(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#post({ type: 'end', id: this.#id });
  }

  /** Bytes the thread answered. */
  deliver(bytes: Uint8Array): void {
    this.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
}

/**
 * Starts PGlite in a worker thread (pglite-worker.ts) and answers once it is open. A query then runs
 * on that thread, so the event loop serves static files, liveness checks and everything that needs no
 * database meanwhile. If the thread stops, every connection fails with 'Connection terminated' (the
 * database is away: requests answer 503) and no new one opens.
 */
export async function startPgliteThread(options: WorkerOptions): Promise<PgliteThread> {
  const worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), { workerData: options });
  const sockets = new Map<number, ThreadSocket>();
  let nextId = 1;
  let stopped: Error | undefined;
  let closing: Promise<void> | undefined;
  const post = (message: WorkerInbound) => {
    if (stopped) return;
    if (message.type !== 'data') worker.postMessage(message);
    else {
      // An exact copy, transferred: cloning a Buffer would copy the whole pool it is a view of.
      const bytes = new Uint8Array(message.bytes);
      worker.postMessage({ ...message, bytes }, [bytes.buffer]);
    }
  };

  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: WorkerOutbound) => {
      if (message.type === 'data') sockets.get(message.id)?.deliver(message.bytes);
      else if (message.type === 'ready') resolve();
      else if (message.type === 'failed') reject(new Error(`PGlite could not start: ${message.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      stopped = new Error(`Connection terminated: the PGlite thread stopped (exit code ${code})`);
      for (const socket of sockets.values()) socket.destroy(stopped);
      sockets.clear();
      reject(stopped);
    });
  });
  await ready;

  return {
    connect() {
      const id = nextId++;
      const socket = new ThreadSocket(id, post);
      if (stopped) {
        const error = stopped;
        setImmediate(() => socket.destroy(error));
        return socket;
      }
      sockets.set(id, socket);
      socket.once('close', () => sockets.delete(id));
      return socket;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (stopped) {
          resolve();
          return;
        }
        worker.on('message', (message: WorkerOutbound) => {
          if (message.type === 'closed') void worker.terminate().then(() => resolve());
        });
        worker.once('exit', () => resolve());
        post({ type: 'close' });
      });
      return closing;
    },
  };
}
