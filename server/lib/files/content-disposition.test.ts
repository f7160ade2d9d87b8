import { parse } from 'content-disposition';
import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadHeaders } from './content-disposition.ts';

describe('contentDisposition', () => {
  it.each([
    ['plain ASCII', 'plan.pdf', 'attachment', 'attachment; filename=plan.pdf'],
    ['an image shown inline', 'diagram.png', 'inline', 'inline; filename=diagram.png'],
    ['spaces are quoted', 'lesson plan.pdf', 'attachment', 'attachment; filename="lesson plan.pdf"'],
    [
      'accents: ASCII fallback without them, UTF-8 in filename*',
      'Résumé.pdf',
      'attachment',
      `attachment; filename=Resume.pdf; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf`,
    ],
    [
      'CJK: underscores in the fallback',
      '報告.docx',
      'attachment',
      `attachment; filename=__.docx; filename*=UTF-8''%E5%A0%B1%E5%91%8A.docx`,
    ],
    [
      'quotes, backslashes and percent signs stay out of the fallback',
      'a "b" 100%.pdf',
      'attachment',
      `attachment; filename="a _b_ 100_.pdf"; filename*=UTF-8''a%20%22b%22%20100%25.pdf`,
    ],
    [
      'CR/LF cannot start a new header',
      'x.pdf\r\nSet-Cookie: session=evil',
      'attachment',
      'attachment; filename="x.pdfSet-Cookie: session=evil"',
    ],
    ['folders are dropped', '../../etc/passwd', 'attachment', 'attachment; filename=passwd'],
    ['an empty name becomes "file"', '\u0000', 'attachment', 'attachment; filename=file'],
  ] as const)('%s', (_label, name, disposition, header) => {
    const value = contentDisposition(name, disposition);
    expect(value).toBe(header);
    // Printable ASCII only: no CR, LF or NUL can end the header early.
    expect(value).toMatch(/^[\x20-\x7e]+$/);
  });

  it('round-trips a Unicode name through a standard parser', () => {
    const name = 'Plan de cours — été 2026 🌱.docx';
    const parsed = parse(contentDisposition(name, 'attachment'));
    expect(parsed.type).toBe('attachment');
    // The parser decodes filename* (RFC 8187) into filename, which is what browsers save the file as.
    expect(parsed.parameters.filename).toBe(name);
  });
});

describe('downloadHeaders', () => {
  it('sends the real type, nosniff and a sandbox', () => {
    expect(
      downloadHeaders({ mime: 'application/pdf', disposition: 'attachment', safeName: 'plan.pdf' }),
    ).toEqual({
      'content-type': 'application/pdf',
      'content-disposition': 'attachment; filename=plan.pdf',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'private, max-age=0, must-revalidate',
    });
  });
});
