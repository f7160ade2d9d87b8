import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { type ErrorText, fieldError, localize, message } from '../../errors.ts';
import type { AllowedType, FileKind } from './allow-list.ts';
import type { TempFile } from './temp-file.ts';

/**
 * Limits for zip-based documents (DOCX, XLSX, PPTX, ODT, ODS, ODP). Real documents stay far below
 * them; a "zip bomb" (a small file that expands to gigabytes) does not.
 */
export const zipLimits = {
  /** Sum of the sizes of all entries once expanded. */
  maxExpandedBytes: 200 * 1024 * 1024,
  /** Expanded size over stored size, checked once the expanded total passes `ratioFloorBytes`. */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 10_000,
  /** The manifest (`[Content_Types].xml` or `mimetype`) is a few kilobytes at most. */
  maxManifestBytes: 1024 * 1024,
};

/** Why a zip container is refused, as messages of the catalogs. */
export const zipTexts = {
  bomb: 'errors.upload.zipBomb',
  tooManyEntries: message('errors.upload.zipTooManyParts', { parts: zipLimits.maxEntries }),
  damaged: (kind: FileKind) => damagedMessages[kind] ?? 'errors.upload.damaged.other',
} satisfies Record<string, ErrorText | ((...args: never[]) => ErrorText)>;

const damagedMessages: Partial<Record<FileKind, MessageId>> = {
  docx: 'errors.upload.damaged.docx',
  xlsx: 'errors.upload.damaged.xlsx',
  pptx: 'errors.upload.damaged.pptx',
  odt: 'errors.upload.damaged.odt',
  ods: 'errors.upload.damaged.ods',
  odp: 'errors.upload.damaged.odp',
};

/** The same messages in English, exported so tests and the web app can match them. */
export const zipMessages = {
  bomb: localize('en', zipTexts.bomb),
  tooManyEntries: localize('en', zipTexts.tooManyEntries),
  damaged: (kind: FileKind) => localize('en', zipTexts.damaged(kind)),
};

/**
 * Checks a zip-based document from its central directory, then expands every entry (without
 * keeping it) so entries that claim a small size but expand further are caught too: yauzl stops a
 * stream as soon as it passes its declared size. The manifest must declare the expected type.
 * Throws a field error on `file`; returns nothing when the container is sound.
 */
export async function checkZipContainer(bytes: Buffer | TempFile, type: AllowedType): Promise<void> {
  const damaged = fieldError('file', zipTexts.damaged(type.kind));
  let zip: ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    throw damaged;
  }
  try {
    await checkEntries(zip, type, damaged);
  } finally {
    zip.close();
  }
}

async function checkEntries(zip: ZipFile, type: AllowedType, damaged: Error): Promise<void> {
  if (zip.entryCount > zipLimits.maxEntries) throw fieldError('file', zipTexts.tooManyEntries);

  const entries = await readEntries(zip).catch(() => {
    throw damaged;
  });
  let expanded = 0;
  let stored = 0;
  for (const entry of entries) {
    expanded += entry.uncompressedSize;
    stored += entry.compressedSize;
  }
  if (expanded > zipLimits.maxExpandedBytes) throw fieldError('file', zipTexts.bomb);
  if (expanded > zipLimits.ratioFloorBytes && expanded / Math.max(stored, 1) > zipLimits.maxRatio) {
    throw fieldError('file', zipTexts.bomb);
  }

  const manifestName = type.detection === 'ooxml' ? '[Content_Types].xml' : 'mimetype';
  let manifest: string | undefined;
  for (const entry of entries) {
    const isManifest =
      entry.fileName === manifestName && entry.uncompressedSize <= zipLimits.maxManifestBytes;
    let content: Buffer;
    try {
      content = await expandEntry(zip, entry, isManifest);
    } catch (error) {
      // yauzl's message when an entry expands past the size it declares.
      if (error instanceof Error && /too many bytes/i.test(error.message)) {
        throw fieldError('file', zipTexts.bomb);
      }
      throw damaged;
    }
    if (isManifest) manifest = content.toString('utf8');
  }
  if (manifest === undefined || !declaresType(manifest, type)) throw damaged;
}

function declaresType(manifest: string, type: AllowedType): boolean {
  if (!type.containerType) return false;
  if (type.detection === 'odf') return manifest === type.containerType;
  return manifest.includes(`ContentType="${type.containerType}"`);
}

/** Opens the zip in memory, or from its file (read in pieces: a large upload is never read whole). */
function openZip(bytes: Buffer | TempFile): Promise<ZipFile> {
  // strictFileNames refuses entries named with "\\"; yauzl refuses absolute and "../" names anyway.
  // autoClose is off because entries are expanded after the last one is listed; the caller closes.
  const options = { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, autoClose: false };
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip: ZipFile) => (error ? reject(error) : resolve(zip));
    if (Buffer.isBuffer(bytes)) yauzl.fromBuffer(bytes, options, done);
    else yauzl.open(bytes.path, options, done);
  });
}

function readEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** Expands one entry, counting its bytes; keeps them only when `keep` (the small manifest). */
function expandEntry(zip: ZipFile, entry: Entry, keep: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream: Readable) => {
      if (error) {
        reject(error);
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (keep) chunks.push(chunk);
      });
      stream.once('end', () => resolve(Buffer.concat(chunks)));
      stream.once('error', reject);
    });
  });
}
