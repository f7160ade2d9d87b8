import { randomUUID } from 'node:crypto';
import type { TempFile } from '../../lib/files/temp-file.ts';
import type { Storage } from '../../lib/storage.ts';

/** Toolkit files live under this prefix of the storage, in 256 folders by the id's first byte. */
const prefix = 'toolkit';
const keyPattern = /^toolkit\/[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A new storage key: a random id and nothing from the uploader (not even the extension), so no
 * name can reach the file system. The database row keeps the display name and type.
 */
export function newStorageKey(): string {
  const id = randomUUID();
  return `${prefix}/${id.slice(0, 2)}/${id}`;
}

/** True for keys made by `newStorageKey`; anything else is refused before touching storage. */
export function isToolkitStorageKey(key: string): boolean {
  return keyPattern.test(key);
}

/**
 * Stores checked upload bytes (in memory, or a temporary file that is moved in) under a new generated
 * key and returns the key. If the write fails part-way, whatever was written is removed before the
 * error is passed on.
 */
export async function storeUpload(storage: Storage, bytes: Buffer | TempFile): Promise<string> {
  const key = newStorageKey();
  try {
    if (Buffer.isBuffer(bytes)) await storage.put(key, bytes);
    else await storage.putFile(key, bytes.path);
  } catch (error) {
    await storage.delete(key).catch(() => undefined);
    throw error;
  }
  return key;
}

/**
 * Deletes a stored Toolkit file. Call it after the transaction that stops referring to the file
 * has committed: a crash in between then leaves an unreferenced file, never a row without its file.
 */
export async function deleteStoredFile(storage: Storage, key: string): Promise<void> {
  if (!isToolkitStorageKey(key)) throw new Error(`Not a Toolkit storage key: ${key}`);
  await storage.delete(key);
}

export interface WithStoredFileOptions {
  /** Told when removing the file after a failure also fails (the first error is still thrown). */
  onCleanupError?: (error: unknown) => void;
}

/**
 * Stores `bytes`, then runs `work` with the new key (typically the transaction that inserts the row
 * naming it). If `work` throws, the file is deleted and the error rethrown, so a refused or failed
 * database write leaves no orphaned file. Call it outside any transaction: `work` must include the
 * commit, or a later rollback would leave the file behind.
 */
export async function withStoredFile<T>(
  storage: Storage,
  bytes: Buffer | TempFile,
  work: (key: string) => Promise<T>,
  options: WithStoredFileOptions = {},
): Promise<T> {
  const key = await storeUpload(storage, bytes);
  try {
    return await work(key);
  } catch (error) {
    try {
      await storage.delete(key);
    } catch (cleanupError) {
      options.onCleanupError?.(cleanupError);
    }
    throw error;
  }
}
