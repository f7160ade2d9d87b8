import { create } from 'content-disposition';

/**
 * Builds a Content-Disposition header value (RFC 6266) for a stored file: `inline` for images the
 * page shows, `attachment` for everything else. Any name is safe to pass: control characters
 * (so no CR/LF header injection), folders and invisible characters are removed first. Non-ASCII
 * names get an RFC 5987 `filename*` (UTF-8) beside a plain ASCII `filename` for old clients.
 */
export function contentDisposition(filename: string, disposition: 'inline' | 'attachment'): string {
  const name = displayName(filename);
  return create(name, { type: disposition, fallback: asciiFallback(name) });
}

/** What a download response needs, besides the body. */
export interface DownloadFile {
  mime: string;
  disposition: 'inline' | 'attachment';
  safeName: string;
}

/**
 * Every header a route should send with an uploaded file's bytes: its real type, the disposition,
 * `nosniff` so browsers never guess another type, and a sandboxing CSP so that even a file opened
 * on its own can run nothing.
 */
export function downloadHeaders(file: DownloadFile): Record<string, string> {
  return {
    'content-type': file.mime,
    'content-disposition': contentDisposition(file.safeName, file.disposition),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'private, max-age=0, must-revalidate',
  };
}

// Controls (CR, LF, NUL, …), Unicode format characters (bidi overrides) and line separators.
const invisible = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

function displayName(filename: string): string {
  const base = filename.replace(invisible, '').split(/[/\\]/).at(-1)?.trim() ?? '';
  return base === '' || base === '.' || base === '..' ? 'file' : base;
}

/**
 * The name in printable ASCII: accents dropped ("café" → "cafe"), other characters as "_".
 * "%" goes too, as some browsers decode percent escapes in the plain `filename`.
 */
function asciiFallback(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["%\\]/g, '_');
  return ascii.replace(/^[_\s]*$/, 'file');
}
