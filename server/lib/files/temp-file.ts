import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';

/**
 * An upload received into a temporary file: checked there, then moved into storage
 * (`Storage.putFile`) or removed. Its bytes are never all in memory.
 */
export interface TempFile {
  path: string;
  size: number;
}

export interface ReceiveOptions {
  /** The folder for temporary upload files (created when missing). */
  folder: string;
  /** The error to throw when the sender sent more than the route's limit (busboy's `truncated`). */
  tooLarge: () => Error;
}

/**
 * Streams an upload into a new file in `options.folder`. The file is removed on every failure: the
 * sender going away, a full disk, or a body past the route's limit (the multipart parser stops at
 * its `fileSize` limit and marks the stream `truncated`; then `tooLarge()` is thrown).
 */
export async function receiveToTempFile(
  source: Readable & { truncated?: boolean },
  options: ReceiveOptions,
): Promise<TempFile> {
  await mkdir(options.folder, { recursive: true });
  const file = path.join(options.folder, `upload-${randomUUID()}`);
  let size = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, count, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    if (source.truncated) throw options.tooLarge();
    return { path: file, size };
  } catch (error) {
    await rm(file, { force: true });
    // Whatever the sender still sends is read and dropped, so the parser can answer.
    if (!source.destroyed) source.resume();
    throw error;
  }
}

/** Removes a temporary upload file (nothing to remove is fine). */
export async function removeTempFile(file: TempFile | undefined): Promise<void> {
  if (file) await rm(file.path, { force: true });
}

/** The folder uploads are received into: UPLOAD_TMP_DIR, or DATA_DIR/tmp. */
export function uploadTempFolder(env: { DATA_DIR: string; UPLOAD_TMP_DIR?: string | undefined }): string {
  return path.resolve(env.UPLOAD_TMP_DIR ?? path.join(env.DATA_DIR, 'tmp'));
}

/** Reads a part the route will not keep to its end, dropping the bytes (so the parser moves on). */
export async function drain(stream: Readable): Promise<void> {
  stream.resume();
  await finished(stream).catch(() => undefined);
}

/** Up to `length` bytes from the start of a received file (enough to recognise its type). */
export async function readHead(file: TempFile, length: number): Promise<Buffer> {
  const handle = await open(file.path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(length, file.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
