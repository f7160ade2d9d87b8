import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskStorage, type Storage } from './storage.ts';

let root: string;
let storage: Storage;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copse-storage-'));
  storage = createDiskStorage(path.join(root, 'uploads'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function keys(): Promise<string[]> {
  const found: string[] = [];
  for await (const key of storage.list()) found.push(key);
  return found.sort();
}

describe('disk storage list', () => {
  it('is empty before anything is stored, even without the folder', async () => {
    expect(await keys()).toEqual([]);
  });

  it('gives every stored key, nested ones with slashes, and nothing else', async () => {
    await storage.put('photos/a.png', Buffer.from('a'));
    await storage.put('toolkit/ab/ab123456-x', Buffer.from('b'));
    await storage.put('logo', Buffer.from('c'));
    await writeFile(path.join(root, 'uploads', 'Not A Key.txt'), 'stray');
    expect(await keys()).toEqual(['logo', 'photos/a.png', 'toolkit/ab/ab123456-x']);
    await storage.delete('photos/a.png');
    expect(await keys()).toEqual(['logo', 'toolkit/ab/ab123456-x']);
  });
});
