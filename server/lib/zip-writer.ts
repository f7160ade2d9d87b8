import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * A zip file written as a stream to disk: each entry is deflated as it arrives (nothing but the chunk
 * under way is in memory) and followed by a data descriptor, as the format allows when sizes are not
 * known ahead. No zip writer is among Copse's dependencies (backups are gzipped tar files, which people
 * cannot open by double-clicking), and Node has everything a writer needs (`zlib.crc32`, raw deflate),
 * so this is the small part of the format Copse uses: deflated files with UTF-8 names, no ZIP64
 * (an archive of up to 4 GiB and 65,535 entries, far beyond one person's data).
 */
export interface ZipWriter {
  /** Adds an entry from bytes in memory. */
  addBuffer(name: string, bytes: Buffer): Promise<void>;
  /** Adds an entry streamed from `body`. */
  addStream(name: string, body: Readable): Promise<void>;
  /** Writes the central directory and closes the file; answers its size. */
  finish(): Promise<number>;
  /** Stops writing after a failure; the caller removes the partial file. */
  abort(): Promise<void>;
}

interface Entry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  time: number;
  date: number;
}

const limit = 0xffffffff;
const flags = 0x0808; // bit 3: sizes in a data descriptor; bit 11: the name is UTF-8.

/** The MS-DOS time and date of `moment` (local fields, as zip readers show them). */
function dosTime(moment: Date): { time: number; date: number } {
  return {
    time: (moment.getHours() << 11) | (moment.getMinutes() << 5) | Math.floor(moment.getSeconds() / 2),
    date:
      ((Math.max(moment.getFullYear(), 1980) - 1980) << 9) |
      ((moment.getMonth() + 1) << 5) |
      moment.getDate(),
  };
}

export function writeZip(file: string): ZipWriter {
  const out = createWriteStream(file, { mode: 0o600 });
  const written = finished(out);
  written.catch(() => undefined);
  const entries: Entry[] = [];
  let offset = 0;
  const { time, date } = dosTime(new Date());

  async function write(bytes: Buffer): Promise<void> {
    offset += bytes.length;
    if (offset > limit) throw new Error('The zip file would be larger than 4 GiB.');
    if (!out.write(bytes)) await once(out, 'drain');
  }

  async function add(name: string, body: AsyncIterable<Buffer | string>): Promise<void> {
    if (entries.length >= 0xffff) throw new Error('The zip file would hold more than 65,535 entries.');
    const nameBytes = Buffer.from(name, 'utf8');
    const entry: Entry = { name: nameBytes, crc: 0, compressed: 0, size: 0, offset, time, date };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    // crc and sizes (14–25) stay 0: they follow in the data descriptor.
    header.writeUInt16LE(nameBytes.length, 26);
    await write(Buffer.concat([header, nameBytes]));

    const deflate = createDeflateRaw({ level: 6 });
    const pumped = (async () => {
      for await (const chunk of deflate) {
        const bytes = chunk as Buffer;
        entry.compressed += bytes.length;
        await write(bytes);
      }
    })();
    try {
      for await (const chunk of body) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        entry.crc = crc32(bytes, entry.crc);
        entry.size += bytes.length;
        if (entry.size > limit) throw new Error(`${name} is larger than 4 GiB.`);
        if (!deflate.write(bytes)) await once(deflate, 'drain');
      }
      deflate.end();
    } catch (error) {
      deflate.destroy(error as Error);
      await pumped.catch(() => undefined);
      throw error;
    }
    await pumped;

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc >>> 0, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    await write(descriptor);
    entries.push(entry);
  }

  return {
    addBuffer(name, bytes) {
      return add(
        name,
        (async function* () {
          yield bytes;
        })(),
      );
    },
    addStream(name, body) {
      return add(name, body);
    },
    async finish() {
      const start = offset;
      for (const entry of entries) {
        const record = Buffer.alloc(46);
        record.writeUInt32LE(0x02014b50, 0);
        record.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, version 2.0
        record.writeUInt16LE(20, 6);
        record.writeUInt16LE(flags, 8);
        record.writeUInt16LE(8, 10);
        record.writeUInt16LE(entry.time, 12);
        record.writeUInt16LE(entry.date, 14);
        record.writeUInt32LE(entry.crc >>> 0, 16);
        record.writeUInt32LE(entry.compressed, 20);
        record.writeUInt32LE(entry.size, 24);
        record.writeUInt16LE(entry.name.length, 28);
        // extra, comment, disk, internal attributes: 0; external: a regular file readable by its owner.
        record.writeUInt32LE((0o100600 << 16) >>> 0, 38);
        record.writeUInt32LE(entry.offset, 42);
        await write(Buffer.concat([record, entry.name]));
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(entries.length, 8);
      end.writeUInt16LE(entries.length, 10);
      end.writeUInt32LE(offset - start, 12);
      end.writeUInt32LE(start, 16);
      await write(end);
      out.end();
      await written;
      return offset;
    },
    async abort() {
      out.destroy();
      await written.catch(() => undefined);
    },
  };
}
