import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';

/**
 * A backup is one gzipped tar file, written and read as a stream: nothing but the entry under way is
 * in memory. Table rows go in as entries of known size (chunks of a few megabytes), uploaded files as
 * streams whose size storage reports.
 */
export interface ArchiveWriter {
  /** Adds an entry from bytes in memory. */
  addBuffer(name: string, bytes: Buffer): Promise<void>;
  /** Adds an entry streamed from `body`, which must hold exactly `size` bytes; answers its SHA-256. */
  addStream(name: string, size: number, body: Readable): Promise<string>;
  /** Ends the archive and waits until the file is written. */
  finish(): Promise<void>;
  /** Stops writing (after a failure); the partial file is left for the caller to remove. */
  abort(error: Error): Promise<void>;
}

export function writeArchive(file: string): ArchiveWriter {
  const pack = tar.pack();
  const written = pipeline(pack, createGzip({ level: 6 }), createWriteStream(file));
  // Seen by finish/abort; without a handler here a failure before then would be unhandled.
  written.catch(() => undefined);
  const mtime = new Date();
  return {
    addBuffer(name, bytes) {
      return new Promise((resolve, reject) => {
        pack.entry({ name, size: bytes.length, mtime, mode: 0o600 }, bytes, (error) =>
          error ? reject(error) : resolve(),
        );
      });
    },
    async addStream(name, size, body) {
      const hash = createHash('sha256');
      let done: (error?: Error | null) => void = () => undefined;
      const finished = new Promise<void>((resolve, reject) => {
        done = (error) => (error ? reject(error) : resolve());
      });
      const entry = pack.entry({ name, size, mtime, mode: 0o600 }, (error) => done(error));
      let seen = 0;
      for await (const chunk of body) {
        const bytes = chunk as Buffer;
        seen += bytes.length;
        if (seen > size) break;
        hash.update(bytes);
        if (!entry.write(bytes)) await once(entry, 'drain');
      }
      if (seen !== size) {
        const error = new Error(`${name} changed while it was being backed up (${seen} bytes, not ${size}).`);
        entry.destroy(error);
        throw error;
      }
      entry.end(undefined);
      await finished;
      return hash.digest('hex');
    },
    async finish() {
      pack.finalize();
      await written;
    },
    async abort(error) {
      pack.destroy(error);
      await written.catch(() => undefined);
    },
  };
}

/** An entry of an archive being read: its name, size and bytes (to be read through, or left). */
export interface ArchiveEntry {
  name: string;
  size: number;
  body: Readable;
}

/**
 * Reads the archive's entries in order; `onEntry` reads the entry's body (or not: what it leaves is
 * skipped). A damaged or cut-off file makes this throw (the gzip or tar error).
 */
export async function readArchive(
  file: string,
  onEntry: (entry: ArchiveEntry) => Promise<void>,
): Promise<void> {
  const extract = tar.extract();
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => extract.destroy(error));
  gunzip.on('error', (error) => extract.destroy(error));
  source.pipe(gunzip).pipe(extract as unknown as NodeJS.WritableStream);
  try {
    for await (const entry of extract) {
      const body = entry as unknown as Readable;
      await onEntry({ name: entry.header.name, size: entry.header.size ?? 0, body });
      // Whatever onEntry left unread is skipped, so the next entry can start.
      body.resume();
    }
  } finally {
    source.destroy();
  }
}

/** SHA-256 and length of a stream, read through. */
export async function hashStream(body: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of body) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}
