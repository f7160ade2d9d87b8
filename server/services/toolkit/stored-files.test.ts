import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../../env.ts';
import { createDiskStorage, type Storage } from '../../lib/storage.ts';
import {
  deleteStoredFile,
  isToolkitStorageKey,
  newStorageKey,
  storeUpload,
  withStoredFile,
} from './stored-files.ts';

let root: string;
let storage: Storage;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copse-toolkit-'));
  storage = createDiskStorage(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file under the storage folder, as paths relative to it. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

describe('storage keys', () => {
  it('are random ids under toolkit/, with nothing from the uploader', () => {
    const keys = new Set(Array.from({ length: 100 }, newStorageKey));
    expect(keys.size).toBe(100);
    for (const key of keys) {
      expect(key).toMatch(/^toolkit\/([0-9a-f]{2})\/\1[0-9a-f]{6}-[0-9a-f-]{27}$/);
      expect(isToolkitStorageKey(key)).toBe(true);
    }
  });

  it.each(['photos/abc.png', 'toolkit/../../etc/passwd', 'toolkit/ab/plan.pdf', ''])('refuse %j', (key) => {
    expect(isToolkitStorageKey(key)).toBe(false);
  });
});

describe('storeUpload and deleteStoredFile', () => {
  it('store the bytes under the key and delete them', async () => {
    const key = await storeUpload(storage, Buffer.from('hello'));
    expect(await storage.get(key)).toEqual(Buffer.from('hello'));
    expect(await filesOnDisk()).toEqual([key]);
    await deleteStoredFile(storage, key);
    expect(await filesOnDisk()).toEqual([]);
  });

  it('refuse to delete a key that is not a Toolkit file', async () => {
    await storage.put('photos/keep.png', Buffer.from('photo'));
    await expect(deleteStoredFile(storage, 'photos/keep.png')).rejects.toThrow('Not a Toolkit storage key');
    expect(await filesOnDisk()).toEqual(['photos/keep.png']);
  });

  it('remove a half-written file when the write fails', async () => {
    const failing: Storage = {
      ...storage,
      async put(key, body) {
        await storage.put(key, body.subarray(0, 2));
        throw new Error('disk full');
      },
    };
    await expect(storeUpload(failing, Buffer.from('hello'))).rejects.toThrow('disk full');
    expect(await filesOnDisk()).toEqual([]);
  });
});

describe('withStoredFile', () => {
  it('keeps the file and returns the result when the work succeeds', async () => {
    const result = await withStoredFile(storage, Buffer.from('plan'), async (key) => ({ key }));
    expect(await storage.get(result.key)).toEqual(Buffer.from('plan'));
  });

  it('deletes the file and rethrows when the work fails', async () => {
    let stored = '';
    const failure = new Error('insert failed');
    await expect(
      withStoredFile(storage, Buffer.from('plan'), async (key) => {
        stored = key;
        expect(await filesOnDisk()).toEqual([key]);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(stored).not.toBe('');
    expect(await filesOnDisk()).toEqual([]);
  });

  it('rethrows the first error and reports a failed clean-up', async () => {
    const undeletable: Storage = {
      ...storage,
      async delete() {
        throw new Error('read-only');
      },
    };
    const reported: unknown[] = [];
    await expect(
      withStoredFile(
        undeletable,
        Buffer.from('plan'),
        async () => {
          throw new Error('insert failed');
        },
        { onCleanupError: (error) => reported.push(error) },
      ),
    ).rejects.toThrow('insert failed');
    expect(reported).toEqual([new Error('read-only')]);
  });
});

describe('UPLOAD_MAX_MB', () => {
  it('defaults to 25', () => {
    expect(parseEnv({}).UPLOAD_MAX_MB).toBe(25);
  });

  it('reads a number', () => {
    expect(parseEnv({ UPLOAD_MAX_MB: '100' }).UPLOAD_MAX_MB).toBe(100);
  });

  it.each(['0', '2048', 'lots'])('refuses %j', (value) => {
    expect(() => parseEnv({ UPLOAD_MAX_MB: value })).toThrow(/UPLOAD_MAX_MB/);
  });
});
