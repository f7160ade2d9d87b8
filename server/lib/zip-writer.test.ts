import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { writeZip } from './zip-writer.ts';

/** Every entry of a zip (as bytes in memory, by name), read with yauzl, which checks each CRC. */
async function readZip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, strictFileNames: true, validateEntrySizes: true },
      (error, file) => (error ? reject(error) : resolve(file)),
    ),
  );
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', reject);
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return entries;
}

describe('writeZip', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'copse-zip-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes entries from memory and from streams that a zip reader opens with their bytes intact', async () => {
    const file = path.join(dir, 'a.zip');
    const zip = writeZip(file);
    const big = randomBytes(300_000);
    await zip.addBuffer('data.json', Buffer.from('{"naïve":"café"}'));
    await zip.addStream('files/big.bin', Readable.from([big.subarray(0, 1000), big.subarray(1000)]));
    await zip.addBuffer('empty.txt', Buffer.alloc(0));
    const size = await zip.finish();
    const bytes = await readFile(file);
    expect(bytes.length).toBe(size);
    const entries = await readZip(bytes);
    expect([...entries.keys()]).toEqual(['data.json', 'files/big.bin', 'empty.txt']);
    expect(entries.get('data.json')?.toString()).toBe('{"naïve":"café"}');
    expect(entries.get('files/big.bin')?.equals(big)).toBe(true);
    expect(entries.get('empty.txt')?.length).toBe(0);
  });
});
