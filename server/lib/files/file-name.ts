import { fieldError } from '../../errors.ts';

/** The longest display name we keep, in characters and in UTF-8 bytes (file systems allow 255). */
export const maxNameChars = 120;
const maxNameBytes = 200;

/** A display name split into what comes before its extension and the extension itself. */
export interface CleanName {
  /** The name without its extension, safe to show and to put in a header. */
  base: string;
  /** The lower-case extension without the dot, or '' when the name has none. */
  extension: string;
}

// C0/C1 controls, DEL, and Unicode format characters (bidi overrides such as U+202E, which make
// "invoice‮fdp.exe" read as "invoiceexe.pdf", zero-width characters, BOMs).
const invisible = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
// Characters Windows refuses in file names; a downloaded file must save everywhere.
const reserved = /[<>:"|?*]/g;
const windowsDevice = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const extensionPattern = /\.([a-z0-9]{1,10})$/i;

/**
 * Cleans a browser-supplied file name for display and download. A name that names folders
 * ("../../etc/passwd", "C:\\x\\y.pdf") is refused: browsers send bare names, so folders mean a
 * hand-made request. Runs of white space (CR/LF too) become one space, invisible and control
 * characters are removed, characters Windows refuses become "_", and long names are shortened
 * keeping the extension.
 */
export function cleanFileName(raw: string): CleanName {
  if (/[/\\]/.test(raw) || raw.trim() === '..') {
    throw fieldError('file', 'errors.upload.folderInName');
  }
  const name = raw
    .normalize('NFC')
    .replace(/\s+/g, ' ') // tabs and line breaks (CR/LF too) become one space
    .replace(invisible, '')
    .replace(reserved, '_')
    .trim();
  const match = extensionPattern.exec(name);
  const extension = match?.[1]?.toLowerCase() ?? '';
  let base = match ? name.slice(0, match.index) : name;
  // No hidden files (".env") and no trailing dots or spaces, which Windows strips.
  base = base.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (windowsDevice.test(base)) base = `_${base}`;
  if (base === '') base = 'file';
  return { base: shorten(base, extension), extension };
}

/** The full display name: base plus extension. */
export function joinFileName(name: CleanName): string {
  return name.extension ? `${name.base}.${name.extension}` : name.base;
}

/** Shortens `base` by whole characters (never half a surrogate pair) so the full name fits. */
function shorten(base: string, extension: string): string {
  const suffix = extension ? extension.length + 1 : 0;
  const chars = Array.from(base);
  while (
    chars.length > 1 &&
    (chars.length + suffix > maxNameChars || Buffer.byteLength(chars.join('')) + suffix > maxNameBytes)
  ) {
    chars.pop();
  }
  return chars.join('').trimEnd();
}
