import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../test/zip.ts';
import { writeZip } from './zip-writer.ts';

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
