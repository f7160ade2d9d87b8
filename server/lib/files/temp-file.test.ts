import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readHead, receiveToTempFile, removeTempFile, uploadTempFolder } from './temp-file.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'copse-temp-file-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const tooLarge = () => new Error('too large');

/** A stream of `pieces`, marked `truncated` at its end when `truncated` (as busboy marks a file part). */
function partStream(pieces: Buffer[], truncated = false): Readable & { truncated?: boolean } {
  const stream: Readable & { truncated?: boolean } = Readable.from(pieces);
  stream.once('end', () => {
    stream.truncated = truncated;
  });
  return stream;
}

describe('receiveToTempFile', () => {
  it('writes the upload to a new file in the folder and counts its bytes', async () => {
    const file = await receiveToTempFile(partStream([Buffer.from('hello '), Buffer.from('world')]), {
      folder: path.join(folder, 'tmp'),
      tooLarge,
    });
    expect(file.size).toBe(11);
    expect(await readFile(file.path, 'utf8')).toBe('hello world');
    expect(await readHead(file, 5)).toEqual(Buffer.from('hello'));
    await removeTempFile(file);
    expect(await readdir(path.join(folder, 'tmp'))).toEqual([]);
  });

  it('refuses an upload the parser cut at its limit and removes what was written', async () => {
    await expect(
      receiveToTempFile(partStream([Buffer.alloc(1024)], true), { folder, tooLarge }),
    ).rejects.toThrow('too large');
    expect(await readdir(folder)).toEqual([]);
  });

  it('removes what was written when the sender goes away mid-file', async () => {
    const broken = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(receiveToTempFile(broken, { folder, tooLarge })).rejects.toThrow('connection reset');
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('uploadTempFolder', () => {
  it('is UPLOAD_TMP_DIR when set, else DATA_DIR/tmp', () => {
    expect(uploadTempFolder({ DATA_DIR: '/srv/copse', UPLOAD_TMP_DIR: '/var/tmp/copse' })).toBe(
      '/var/tmp/copse',
    );
    expect(uploadTempFolder({ DATA_DIR: '/srv/copse' })).toBe('/srv/copse/tmp');
  });
});
