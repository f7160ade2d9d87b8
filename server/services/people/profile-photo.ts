import { AppError, notFound } from '../../errors.ts';
import { readHead, type TempFile } from '../../lib/files/temp-file.ts';
import { findUserById, updateUserPhoto } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';

export const maxPhotoBytes = 5 * 1024 * 1024;

/** Recognises an image by its first bytes, never by its name or the browser's claim. */
export function sniffImageType(bytes: Buffer): 'image/png' | 'image/jpeg' | 'image/webp' | undefined {
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'image/png';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  ) {
    return 'image/webp';
  }
  return undefined;
}

const extensions = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' } as const;

/**
 * Stores a new profile photo (received into a temporary file, which is moved into storage) under a
 * generated name and removes the old one.
 */
export async function setProfilePhoto(deps: ServiceDeps, userId: string, file: TempFile): Promise<void> {
  if (file.size === 0) throw new AppError('validation_failed', 'errors.upload.empty', { file: 'empty file' });
  const type = sniffImageType(await readHead(file, 12));
  if (!type) {
    throw new AppError('unsupported_media_type', 'errors.upload.imageType', {
      file: 'not a PNG, JPEG or WebP image',
    });
  }
  const { db } = deps.database;
  const user = await findUserById(db, userId);
  if (!user) throw notFound('errors.notFound.person');
  const key = `photos/${crypto.randomUUID()}.${extensions[type]}`;
  await deps.storage.putFile(key, file.path);
  try {
    await updateUserPhoto(db, userId, key);
  } catch (error) {
    await deps.storage.delete(key);
    throw error;
  }
  if (user.photoPath) await deps.storage.delete(user.photoPath);
}

export async function removeProfilePhoto(deps: ServiceDeps, userId: string): Promise<void> {
  const { db } = deps.database;
  const user = await findUserById(db, userId);
  if (!user?.photoPath) return;
  await updateUserPhoto(db, userId, null);
  await deps.storage.delete(user.photoPath);
}

export function photoContentType(key: string): string {
  if (key.endsWith('.png')) return 'image/png';
  if (key.endsWith('.webp')) return 'image/webp';
  return 'image/jpeg';
}
