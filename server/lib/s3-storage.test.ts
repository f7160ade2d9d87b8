import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type S3TestServer, startS3Server } from '../test/s3.ts';
import { openStorage } from './open-storage.ts';
import { createS3Storage, type S3Storage } from './s3-storage.ts';

let s3: S3TestServer;
let storage: S3Storage;
let bare: S3Storage;
let temp: string;

beforeAll(async () => {
  s3 = await startS3Server();
  // Two keys a page, and S3's smallest parts, so a few small files page and a 12 MiB file has 3 parts.
  storage = createS3Storage({ ...s3.settings('site-a/'), pageSize: 2, partSize: 5 * 1024 * 1024 });
  bare = createS3Storage(s3.settings());
  temp = await mkdtemp(path.join(tmpdir(), 'copse-s3-upload-'));
});
afterAll(async () => {
  storage.close();
  bare.close();
  await s3.close();
  await rm(temp, { recursive: true, force: true });
});

async function tempFile(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(temp, name);
  await writeFile(file, bytes);
  return file;
}

async function keys(of: S3Storage): Promise<string[]> {
  const found: string[] = [];
  for await (const key of of.list()) found.push(key);
  return found.sort();
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('S3 storage', () => {
  it('stores, gets, reads and deletes small files; a missing key is undefined, not an error', async () => {
    await storage.put('photos/a.png', Buffer.from('photo'));
    expect(await storage.get('photos/a.png')).toEqual(Buffer.from('photo'));
    const read = await storage.read('photos/a.png');
    expect(read?.size).toBe(5);
    const chunks: Buffer[] = [];
    for await (const chunk of read?.body ?? []) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('photo');
    // Under the prefix, so a bucket can hold other things.
    expect(await bare.get('site-a/photos/a.png')).toEqual(Buffer.from('photo'));

    expect(await storage.get('photos/missing.png')).toBeUndefined();
    expect(await storage.read('photos/missing.png')).toBeUndefined();
    await storage.delete('photos/a.png');
    expect(await storage.get('photos/a.png')).toBeUndefined();
    await storage.delete('photos/a.png');
  });

  it('streams a multi-megabyte file up in parts from its temp file, which is gone afterwards', async () => {
    const bytes = randomBytes(12 * 1024 * 1024 + 123);
    const file = await tempFile('big', bytes);
    await storage.putFile('toolkit/ab/big', file);
    expect(existsSync(file)).toBe(false);
    const read = await storage.read('toolkit/ab/big');
    expect(read?.size).toBe(bytes.length);
    const hash = createHash('sha256');
    for await (const chunk of read?.body ?? []) hash.update(chunk as Buffer);
    expect(hash.digest('hex')).toBe(sha256(bytes));
    await storage.delete('toolkit/ab/big');
  });

  it('removes the temp file when the upload fails too', async () => {
    const missingBucket = createS3Storage({ ...s3.settings(), bucket: 'no-such-bucket' });
    const file = await tempFile('refused', Buffer.from('plan'));
    await expect(missingBucket.putFile('toolkit/ab/refused', file)).rejects.toThrow();
    expect(existsSync(file)).toBe(false);
    // A bucket that is not there is an error, not a missing file.
    await expect(missingBucket.get('photos/a.png')).rejects.toThrow();
    await expect(missingBucket.check()).rejects.toThrow(/no-such-bucket.*no such bucket/);
    missingBucket.close();
  });

  it('lists every key under its prefix across pages, and nothing outside it', async () => {
    const stored = ['logo', 'photos/1.png', 'photos/2.png', 'toolkit/0a/x', 'toolkit/0b/y'];
    for (const key of stored) await storage.put(key, Buffer.from(key));
    await bare.put('site-b/photos/3.png', Buffer.from('other site'));
    expect(await keys(storage)).toEqual(stored);
    expect(await keys(bare)).toEqual([...stored.map((key) => `site-a/${key}`), 'site-b/photos/3.png']);
    for (const key of stored) await storage.delete(key);
    expect(await keys(storage)).toEqual([]);
  });

  it('refuses unsafe keys before reaching the bucket', async () => {
    const file = await tempFile('unsafe', Buffer.from('x'));
    for (const key of ['../escape', '/abs', 'Upper/case', 'a/../../b', 'a b', '']) {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/Unsafe storage key/);
      await expect(storage.get(key)).rejects.toThrow(/Unsafe storage key/);
      await expect(storage.read(key)).rejects.toThrow(/Unsafe storage key/);
      await expect(storage.delete(key)).rejects.toThrow(/Unsafe storage key/);
    }
    await expect(storage.putFile('../escape', file)).rejects.toThrow(/Unsafe storage key/);
    expect(existsSync(file)).toBe(false);
  });

  it('is opened from settings after checking the bucket, with a reason an operator can act on', async () => {
    const opened = await openStorage({ kind: 's3', ...s3.settings('site-a/') }, temp);
    expect(opened.description).toBe(`s3 ${s3.endpoint}/${s3.bucket}/site-a/`);
    opened.close();
    const wrongKey = { accessKeyId: 'nobody', secretAccessKey: 'wrong' };
    await expect(openStorage({ kind: 's3', ...s3.settings(), credentials: wrongKey }, temp)).rejects.toThrow(
      /Cannot use the S3 bucket "copse-test" at http:\/\/127\.0\.0\.1:\d+ \(region us-east-1\)/,
    );
  });
});
