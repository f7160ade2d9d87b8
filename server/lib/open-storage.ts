import type { StorageSettings } from '../env.ts';
import { createS3Storage } from './s3-storage.ts';
import { createDiskStorage, type Storage } from './storage.ts';

export interface OpenedStorage {
  storage: Storage;
  /** Where the files are, for the start-up log line ("uploads: …"). */
  description: string;
  close: () => void;
}

/**
 * The storage the settings name (STORAGE=disk: `uploadsDir`; STORAGE=s3: the bucket). A bucket is
 * checked before anything is served, so a wrong setting stops the start with its reason rather than
 * failing the first upload.
 */
export async function openStorage(settings: StorageSettings, uploadsDir: string): Promise<OpenedStorage> {
  if (settings.kind === 'disk')
    return { storage: createDiskStorage(uploadsDir), description: uploadsDir, close: () => undefined };
  const storage = createS3Storage(settings);
  try {
    await storage.check();
  } catch (error) {
    storage.close();
    throw error;
  }
  const where = settings.endpoint ? `${settings.endpoint}/` : '';
  return { storage, description: `s3 ${where}${settings.bucket}/${settings.prefix}`, close: storage.close };
}
