import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import yazl from 'yazl';

/**
 * A zip file written as a stream to disk with yazl (the writing half of yauzl, which reads uploads):
 * entries are deflated one after another as the file is written, so a streamed entry is in memory only
 * a chunk at a time. Names are UTF-8; yazl switches to ZIP64 past 4 GiB or 65,535 entries.
 */
export interface ZipWriter {
  /** Adds an entry from bytes in memory. */
  addBuffer(name: string, bytes: Buffer): Promise<void>;
  /** Adds an entry streamed from `body`; settles once the entry is written. */
  addStream(name: string, body: Readable): Promise<void>;
  /** Writes the central directory and closes the file; answers its size. */
  finish(): Promise<number>;
  /** Stops writing after a failure; the caller removes the partial file. */
  abort(): Promise<void>;
}

/** A regular file readable and writable by its owner only. */
const entryOptions = { mode: 0o100600 };

export function writeZip(file: string): ZipWriter {
  const zip = new yazl.ZipFile();
  const stop = new AbortController();
  const written = pipeline(zip.outputStream, createWriteStream(file, { mode: 0o600 }), {
    signal: stop.signal,
  });
  written.catch(() => undefined);
  return {
    async addBuffer(name, bytes) {
      zip.addBuffer(bytes, name, entryOptions);
    },
    async addStream(name, body) {
      zip.addReadStream(body, name, entryOptions);
      // One source open at a time: the next is asked for once this one has been read to its end.
      await finished(body);
    },
    async finish() {
      zip.end();
      await written;
      return (await stat(file)).size;
    },
    async abort() {
      stop.abort();
      await written.catch(() => undefined);
    },
  };
}
