import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { type ErrorText, fieldError, localize, message } from '../../errors.ts';
import {
  type AllowedType,
  allowedTypes,
  type FileKind,
  findAllowedTypeByMime,
  findTextTypeByExtension,
} from './allow-list.ts';
import { cleanFileName, joinFileName } from './file-name.ts';
import type { TempFile } from './temp-file.ts';
import { checkPlainTextFile, decodePlainText, looksLikeMarkup } from './text-check.ts';
import { checkZipContainer } from './zip-check.ts';

/** What an accepted upload is, from its bytes, and how to name and serve it. */
export interface CheckedUpload {
  kind: FileKind;
  /** The Content-Type to serve it with (always with `X-Content-Type-Options: nosniff`). */
  mime: string;
  /** The extension of `safeName`, lower case, without the dot. */
  extension: string;
  /** The uploader's name cleaned for display and downloads; never a storage path. */
  safeName: string;
  /** Images are shown in the page; everything else is downloaded. */
  disposition: 'inline' | 'attachment';
}

export interface CheckUploadInput {
  /** The name the browser sent; only used for display and to compare with the bytes. */
  filename: string;
  /** The bytes: an upload received into a temporary file (read there in pieces), or a buffer. */
  bytes: Buffer | TempFile;
  /** The size limit in bytes (`UPLOAD_MAX_MB` × 1024 × 1024). */
  maxBytes: number;
}

/** Why an upload is refused, as messages of the catalogs (each reader gets them in their language). */
export const uploadTexts = {
  empty: 'errors.upload.empty',
  tooLarge: (maxBytes: number) => message('errors.upload.tooLarge', { limit: formatLimit(maxBytes) }),
  markup: 'errors.upload.markup',
  unknown: 'errors.upload.unknownType',
  notAllowed: (extension: string) => message('errors.upload.typeNotAllowed', { extension }),
  mismatch: (kind: FileKind, extension: string) =>
    message('errors.upload.mismatch', { type: { id: fileTypeNames[kind] }, extension }),
} satisfies Record<string, ErrorText | ((...args: never[]) => ErrorText)>;

/** "a PDF", "an Excel workbook": each accepted type's name with its article, for messages. */
const fileTypeNames: Record<FileKind, MessageId> = {
  pdf: 'errors.fileType.pdf',
  png: 'errors.fileType.png',
  jpeg: 'errors.fileType.jpeg',
  gif: 'errors.fileType.gif',
  webp: 'errors.fileType.webp',
  docx: 'errors.fileType.docx',
  xlsx: 'errors.fileType.xlsx',
  pptx: 'errors.fileType.pptx',
  odt: 'errors.fileType.odt',
  ods: 'errors.fileType.ods',
  odp: 'errors.fileType.odp',
  text: 'errors.fileType.text',
  csv: 'errors.fileType.csv',
  markdown: 'errors.fileType.markdown',
  mp4: 'errors.fileType.mp4',
  mp3: 'errors.fileType.mp3',
};

/** The same messages in English, exported so tests and the web app can match them. */
export const uploadMessages = {
  empty: localize('en', uploadTexts.empty),
  tooLarge: (maxBytes: number) => localize('en', uploadTexts.tooLarge(maxBytes)),
  markup: localize('en', uploadTexts.markup),
  unknown: localize('en', uploadTexts.unknown),
  notAllowed: (extension: string) => localize('en', uploadTexts.notAllowed(extension)),
  mismatch: (kind: FileKind, extension: string) => localize('en', uploadTexts.mismatch(kind, extension)),
};

// Named so that a refused extension is refused with a reason, even when the bytes are plain text.
const markupExtensions = new Set([
  'svg',
  'svgz',
  'html',
  'htm',
  'xhtml',
  'xht',
  'xml',
  'xsl',
  'mht',
  'mhtml',
  'shtml',
]);
// file-type names these XML-based types; all are markup a browser may render.
const markupMimes = new Set(['application/xml', 'image/svg+xml', 'text/html', 'application/xhtml+xml']);

/**
 * Decides whether an upload may be stored, from its bytes: the size limit, the type found in the
 * bytes against the allow-list (the name and the browser's claimed type are never trusted), the
 * name's extension against that type, and for zip-based documents the zip-bomb limits. Throws an
 * AppError with a field error on `file` (400, or 413 over the size limit).
 */
export async function checkUpload({ filename, bytes, maxBytes }: CheckUploadInput): Promise<CheckedUpload> {
  const size = Buffer.isBuffer(bytes) ? bytes.length : bytes.size;
  if (size === 0) throw fieldError('file', uploadTexts.empty);
  if (size > maxBytes) throw fieldError('file', uploadTexts.tooLarge(maxBytes), 'payload_too_large');

  const name = cleanFileName(filename);
  if (markupExtensions.has(name.extension)) throw fieldError('file', uploadTexts.markup);

  const type = await detectType(bytes, name.extension);
  if (type.detection === 'ooxml' || type.detection === 'odf') await checkZipContainer(bytes, type);

  const extension = name.extension || type.extensions[0];
  if (!type.extensions.includes(extension)) {
    const known = allowedTypes.some((allowed) => allowed.extensions.includes(extension));
    throw fieldError(
      'file',
      known ? uploadTexts.mismatch(type.kind, extension) : uploadTexts.notAllowed(extension),
    );
  }
  return {
    kind: type.kind,
    mime: type.mime,
    extension,
    safeName: joinFileName({ base: name.base, extension }),
    disposition: type.disposition,
  };
}

async function detectType(bytes: Buffer | TempFile, extension: string): Promise<AllowedType> {
  const detected = Buffer.isBuffer(bytes)
    ? await fileTypeFromBuffer(bytes)
    : await fileTypeFromFile(bytes.path);
  if (detected) {
    if (markupMimes.has(detected.mime)) throw fieldError('file', uploadTexts.markup);
    const type = findAllowedTypeByMime(detected.mime);
    if (!type) throw fieldError('file', uploadTexts.notAllowed(detected.ext));
    return type;
  }
  const text = Buffer.isBuffer(bytes) ? textKind(bytes) : await checkPlainTextFile(bytes.path);
  if (text === 'binary') throw fieldError('file', uploadTexts.unknown);
  if (text === 'markup') throw fieldError('file', uploadTexts.markup);
  // Text has no signature, so the extension picks among the text types; no extension means .txt.
  // An extension that is not a text type's is refused by the caller's extension check.
  return findTextTypeByExtension(extension) ?? findTextTypeByExtension('txt') ?? unreachable();
}

function textKind(bytes: Buffer): 'text' | 'markup' | 'binary' {
  const text = decodePlainText(bytes);
  if (text === undefined) return 'binary';
  return looksLikeMarkup(text) ? 'markup' : 'text';
}

function formatLimit(maxBytes: number): string {
  const mb = maxBytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.ceil(maxBytes / 1024)} KB`;
}

function unreachable(): never {
  throw new Error('The allow-list has no plain text type.');
}
