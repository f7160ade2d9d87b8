/**
 * Checks for the text types (plain text, CSV, Markdown), which have no magic number: the bytes must
 * be UTF-8 without NULs or other binary control characters, and must not start like a document a
 * browser would render as HTML, SVG or XML.
 */

import { createReadStream } from 'node:fs';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const bom = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * True when the bytes hold a control character other than tab, line feed, form feed and carriage
 * return: the mark of binary data. Checking bytes is exact for UTF-8, whose multi-byte sequences
 * only use bytes of 0x80 and above.
 */
function hasBinaryControl(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) {
      return true;
    }
  }
  return false;
}

/** Returns the text when `bytes` is UTF-8 text, else undefined. */
export function decodePlainText(bytes: Buffer): string | undefined {
  const body = bytes.subarray(0, 3).equals(bom) ? bytes.subarray(3) : bytes;
  if (hasBinaryControl(body)) return undefined;
  try {
    return utf8.decode(body);
  } catch {
    return undefined;
  }
}

// The WHATWG MIME Sniffing Standard's "text/html" patterns (each followed by a space or ">"), plus
// XML declarations and SVG/XHTML roots. A browser that guesses a type treats such a start as markup.
const markupStart =
  /^\s*(?:<\?xml|<svg[\s>/]|<!--|<!doctype\s+html[\s>]|<(?:html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|math|object|embed|xml|xsl:stylesheet)[\s>/])/i;

/** True when text starts like HTML, SVG or XML (leading whitespace ignored, any case). */
export function looksLikeMarkup(text: string): boolean {
  return markupStart.test(text.slice(0, 1024));
}

/**
 * The streaming form of `decodePlainText` and `looksLikeMarkup` for an upload in a file: reads it in
 * pieces, so a large text file is never whole in memory. Answers 'text', 'markup' (starts like HTML,
 * SVG or XML) or 'binary' (not UTF-8, or a binary control character).
 */
export async function checkPlainTextFile(file: string): Promise<'text' | 'markup' | 'binary'> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = '';
  let first = true;
  try {
    for await (const piece of createReadStream(file)) {
      let chunk = piece as Buffer;
      if (first && chunk.subarray(0, 3).equals(bom)) chunk = chunk.subarray(3);
      first = false;
      if (hasBinaryControl(chunk)) return 'binary';
      const text = decoder.decode(chunk, { stream: true });
      if (start.length < 1024) start += text.slice(0, 1024 - start.length);
    }
    start += decoder.decode().slice(0, Math.max(0, 1024 - start.length));
  } catch (error) {
    if (error instanceof TypeError) return 'binary';
    throw error;
  }
  return looksLikeMarkup(start) ? 'markup' : 'text';
}
