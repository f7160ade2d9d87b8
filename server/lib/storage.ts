import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where uploaded files live: a folder of generated names outside the web root. Large files move in
 * and out as streams (`putFile`, `read`), never whole in memory, so an S3-compatible backend can take
 * the same shape (a multipart upload from the file, a ranged GET as the stream).
 */
export interface Storage {
  /** Stores small bytes already in memory (a logo, a photo). */
  put(key: string, body: Buffer): Promise<void>;
  /**
   * Stores the file at `file` (an upload received into a temporary file) under `key`, without
   * reading it into memory; the temporary file is gone afterwards, whether or not this succeeded.
   */
  putFile(key: string, file: string): Promise<void>;
  /** The whole stored file in memory (for small files), or undefined when there is none. */
  get(key: string): Promise<Buffer | undefined>;
  /** The stored file as a stream with its size, or undefined when there is none. */
  read(key: string): Promise<{ body: Readable; size: number } | undefined>;
  delete(key: string): Promise<void>;
  /** Every stored key, in no particular order (for backups and moves between backends). */
  list(): AsyncIterable<string>;
}

const safeKey = /^[a-z0-9][a-z0-9/_-]*(\.[a-z0-9]+)?$/;

/** True for a key every backend stores under its own name: lowercase, no `..`, no leading slash. */
export function isSafeStorageKey(key: string): boolean {
  return safeKey.test(key) && !key.includes('..');
}

/** Refuses a key that is not safe (a bug in the caller: keys are generated, never taken from input). */
export function checkStorageKey(key: string): string {
  if (!isSafeStorageKey(key)) throw new Error(`Unsafe storage key: ${key}`);
  return key;
}

export function createDiskStorage(root: string): Storage {
  const resolve = (key: string) => path.join(root, checkStorageKey(key));
  return {
    async put(key, body) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, body);
    },
    async putFile(key, source) {
      const file = resolve(key);
      try {
        await mkdir(path.dirname(file), { recursive: true });
        try {
          // The temporary folder is on the same file system by default (DATA_DIR/tmp): a rename.
          await rename(source, file);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
          await copyFile(source, file);
        }
      } finally {
        await rm(source, { force: true });
      }
    },
    async get(key) {
      try {
        return await readFile(resolve(key));
      } catch {
        return undefined;
      }
    },
    async read(key) {
      const file = resolve(key);
      try {
        const { size } = await stat(file);
        return { body: createReadStream(file), size };
      } catch {
        return undefined;
      }
    },
    async delete(key) {
      await rm(resolve(key), { force: true });
    },
    async *list() {
      let entries: string[];
      try {
        entries = await readdir(root, { recursive: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      for (const entry of entries) {
        const key = entry.split(path.sep).join('/');
        if (isSafeStorageKey(key) && (await stat(path.join(root, entry))).isFile()) yield key;
      }
    },
  };
}
