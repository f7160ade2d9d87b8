import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { allowedTypes, allowedTypesSentence } from './allow-list.ts';
import { type CheckedUpload, checkUpload, uploadMessages } from './check-upload.ts';
import { buildOdf, buildOoxml } from './fixtures/build-zip.ts';
import * as sample from './fixtures/samples.ts';

const maxBytes = 25 * 1024 * 1024;
const folders = 'The file name must not contain folders ("/", "\\" or "..").';
const odf = 'application/vnd.oasis.opendocument';
const docx = buildOoxml('word/document.xml');

/** Runs checkUpload and returns the refusal, failing the test if the upload was accepted. */
async function refusal(filename: string, bytes: Buffer, limit = maxBytes): Promise<AppError> {
  const error = await checkUpload({ filename, bytes, maxBytes: limit }).then(
    (accepted) => new Error(`accepted as ${JSON.stringify(accepted)}`),
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw error;
  return error;
}

type Accepted = Pick<CheckedUpload, 'kind' | 'mime' | 'disposition'> & Partial<CheckedUpload>;

const accepted: [string, string, Buffer, Accepted][] = [
  ['PDF', 'handout.pdf', sample.pdf, { kind: 'pdf', mime: 'application/pdf', disposition: 'attachment' }],
  ['PNG', 'diagram.png', sample.png, { kind: 'png', mime: 'image/png', disposition: 'inline' }],
  ['JPEG as .jpg', 'photo.jpg', sample.jpeg, { kind: 'jpeg', mime: 'image/jpeg', disposition: 'inline' }],
  [
    'JPEG as .jpeg keeps its extension',
    'photo.jpeg',
    sample.jpeg,
    { kind: 'jpeg', mime: 'image/jpeg', disposition: 'inline', extension: 'jpeg', safeName: 'photo.jpeg' },
  ],
  ['GIF', 'loop.gif', sample.gif, { kind: 'gif', mime: 'image/gif', disposition: 'inline' }],
  ['WebP', 'small.webp', sample.webp, { kind: 'webp', mime: 'image/webp', disposition: 'inline' }],
  ['MP4', 'clip.mp4', sample.mp4, { kind: 'mp4', mime: 'video/mp4', disposition: 'attachment' }],
  ['MP3', 'talk.mp3', sample.mp3, { kind: 'mp3', mime: 'audio/mpeg', disposition: 'attachment' }],
  [
    'DOCX',
    'plan.docx',
    docx,
    {
      kind: 'docx',
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      disposition: 'attachment',
    },
  ],
  [
    'DOCX zipped by Info-ZIP',
    'lesson-plan.docx',
    readFileSync(new URL('./fixtures/lesson-plan.docx', import.meta.url)),
    {
      kind: 'docx',
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      disposition: 'attachment',
    },
  ],
  [
    'XLSX',
    'marks.xlsx',
    buildOoxml('xl/workbook.xml'),
    {
      kind: 'xlsx',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: 'attachment',
    },
  ],
  [
    'PPTX',
    'slides.pptx',
    buildOoxml('ppt/presentation.xml'),
    {
      kind: 'pptx',
      mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      disposition: 'attachment',
    },
  ],
  [
    'ODT',
    'plan.odt',
    buildOdf(`${odf}.text`),
    { kind: 'odt', mime: `${odf}.text`, disposition: 'attachment' },
  ],
  [
    'ODS',
    'marks.ods',
    buildOdf(`${odf}.spreadsheet`),
    { kind: 'ods', mime: `${odf}.spreadsheet`, disposition: 'attachment' },
  ],
  [
    'ODP',
    'slides.odp',
    buildOdf(`${odf}.presentation`),
    { kind: 'odp', mime: `${odf}.presentation`, disposition: 'attachment' },
  ],
  [
    'plain text',
    'notes.txt',
    sample.text,
    { kind: 'text', mime: 'text/plain; charset=utf-8', disposition: 'attachment' },
  ],
  [
    'CSV',
    'times.csv',
    sample.csv,
    { kind: 'csv', mime: 'text/csv; charset=utf-8', disposition: 'attachment' },
  ],
  [
    'Markdown',
    'plan.md',
    sample.markdown,
    { kind: 'markdown', mime: 'text/markdown; charset=utf-8', disposition: 'attachment' },
  ],
  [
    'Markdown as .markdown',
    'plan.markdown',
    sample.markdown,
    {
      kind: 'markdown',
      mime: 'text/markdown; charset=utf-8',
      disposition: 'attachment',
      safeName: 'plan.markdown',
    },
  ],
  [
    'text with a UTF-8 BOM',
    'bom.txt',
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sample.text]),
    { kind: 'text', mime: 'text/plain; charset=utf-8', disposition: 'attachment' },
  ],
  [
    'an image without extension gets its own',
    'scan',
    sample.png,
    { kind: 'png', mime: 'image/png', disposition: 'inline', extension: 'png', safeName: 'scan.png' },
  ],
  [
    'text without extension is .txt',
    'README',
    sample.text,
    { kind: 'text', mime: 'text/plain; charset=utf-8', disposition: 'attachment', safeName: 'README.txt' },
  ],
  [
    'an upper-case extension',
    'PHOTO.PNG',
    sample.png,
    { kind: 'png', mime: 'image/png', disposition: 'inline', extension: 'png', safeName: 'PHOTO.png' },
  ],
  [
    'a CRLF header-injection attempt loses its line breaks',
    'report\r\nSet-Cookie: session=evil.pdf',
    sample.pdf,
    {
      kind: 'pdf',
      mime: 'application/pdf',
      disposition: 'attachment',
      safeName: 'report Set-Cookie_ session=evil.pdf',
    },
  ],
  [
    'a decomposed accented name is composed',
    'Re\u0301sume\u0301.pdf',
    sample.pdf,
    { kind: 'pdf', mime: 'application/pdf', disposition: 'attachment', safeName: 'Résumé.pdf' },
  ],
  [
    'a CJK and emoji name is kept',
    '報告 2026 🌱.docx',
    docx,
    {
      kind: 'docx',
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      disposition: 'attachment',
      safeName: '報告 2026 🌱.docx',
    },
  ],
];

describe('checkUpload accepts', () => {
  it.each(accepted)('%s', async (_label, filename, bytes, expected) => {
    const result = await checkUpload({ filename, bytes, maxBytes });
    expect(result).toMatchObject(expected);
    expect(result.safeName.endsWith(`.${result.extension}`)).toBe(true);
  });

  it('a file of exactly the limit', async () => {
    const bytes = Buffer.alloc(1024, 'a');
    await expect(checkUpload({ filename: 'a.txt', bytes, maxBytes: 1024 })).resolves.toMatchObject({
      kind: 'text',
    });
  });
});

const sentence = allowedTypesSentence;
const refused: [string, string, Buffer, string][] = [
  ['a 0-byte file', 'empty.pdf', Buffer.alloc(0), 'The file is empty.'],
  ['an SVG', 'logo.svg', sample.svg, uploadMessages.markup],
  ['an SVG renamed .png', 'logo.png', sample.svg, uploadMessages.markup],
  ['an SVG with an XML prolog renamed .txt', 'logo.txt', sample.svgWithProlog, uploadMessages.markup],
  ['an HTML page', 'page.html', sample.html, uploadMessages.markup],
  ['an HTML page renamed .pdf', 'report.pdf', sample.html, uploadMessages.markup],
  ['an HTML fragment named .md', 'notes.md', sample.htmlFragment, uploadMessages.markup],
  ['a PDF named .htm', 'report.htm', sample.pdf, uploadMessages.markup],
  [
    'a PNG renamed .pdf',
    'report.pdf',
    sample.png,
    "This file's contents do not match its name: it is a PNG image, but its name ends in .pdf.",
  ],
  [
    'a DOCX renamed .xlsx',
    'marks.xlsx',
    docx,
    "This file's contents do not match its name: it is a Word document, but its name ends in .xlsx.",
  ],
  [
    'text renamed .pdf',
    'report.pdf',
    sample.text,
    "This file's contents do not match its name: it is a plain text file, but its name ends in .pdf.",
  ],
  [
    'an ODT renamed .ods',
    'marks.ods',
    buildOdf(`${odf}.text`),
    "This file's contents do not match its name: it is an OpenDocument text, but its name ends in .ods.",
  ],
  ['a Windows program', 'setup.exe', sample.exe, `Files of type .exe cannot be uploaded. ${sentence}`],
  [
    'a Windows program renamed .pdf',
    'report.pdf',
    sample.exe,
    `Files of type .exe cannot be uploaded. ${sentence}`,
  ],
  ['a Linux program', 'tool', sample.elf, `Files of type .elf cannot be uploaded. ${sentence}`],
  ['a PDF named .exe', 'report.exe', sample.pdf, `Files of type .exe cannot be uploaded. ${sentence}`],
  [
    'a script',
    'run.sh',
    Buffer.from('#!/bin/sh\nrm -rf ~\n'),
    `Files of type .sh cannot be uploaded. ${sentence}`,
  ],
  ['JavaScript', 'app.js', Buffer.from('alert(1)\n'), `Files of type .js cannot be uploaded. ${sentence}`],
  [
    'a right-to-left override hiding .exe',
    'invoice\u202efdp.exe',
    sample.pdf,
    `Files of type .exe cannot be uploaded. ${sentence}`,
  ],
  [
    'a double extension ending in .exe',
    'plan.pdf.exe',
    sample.pdf,
    `Files of type .exe cannot be uploaded. ${sentence}`,
  ],
  ['UTF-16 text', 'notes.txt', sample.utf16, `This type of file cannot be uploaded. ${sentence}`],
  ['Latin-1 text', 'notes.txt', sample.latin1, `This type of file cannot be uploaded. ${sentence}`],
  [
    'random binary',
    'data.txt',
    Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff]),
    `This type of file cannot be uploaded. ${sentence}`,
  ],
  ['a path traversal', '../../etc/passwd', sample.text, folders],
  ['a Windows path traversal', '..\\..\\windows\\win.ini', sample.text, folders],
  ['an absolute path', '/etc/passwd', sample.text, folders],
  ['a Windows path', 'C:\\Users\\me\\plan.pdf', sample.pdf, folders],
  ['a name that is only ..', '..', sample.text, folders],
];

describe('checkUpload refuses', () => {
  it.each(refused)('%s', async (_label, filename, bytes, message) => {
    const error = await refusal(filename, bytes);
    expect(error.code).toBe('validation_failed');
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ file: message });
  });

  it('a file over the limit with 413', async () => {
    const error = await refusal(
      'big.pdf',
      Buffer.concat([sample.pdf, Buffer.alloc(1024 * 1024)]),
      1024 * 1024,
    );
    expect(error.code).toBe('payload_too_large');
    expect(error.status).toBe(413);
    expect(error.fields).toEqual({ file: 'The file is larger than the 1 MB limit.' });
  });

  it('names the default limit in megabytes', () => {
    expect(uploadMessages.tooLarge(maxBytes)).toBe('The file is larger than the 25 MB limit.');
  });
});

describe('the allow-list', () => {
  it('is named in full in the refusal message', () => {
    for (const type of allowedTypes) {
      for (const extension of type.extensions) {
        if (type.kind !== 'pdf' && !['png', 'jpg', 'jpeg', 'gif', 'webp'].includes(extension)) {
          expect(sentence).toContain(`.${extension}`);
        }
      }
    }
    for (const word of ['PDF', 'PNG', 'JPEG', 'GIF', 'WebP']) expect(sentence).toContain(word);
  });

  it('shows only raster images inline', () => {
    const inline = allowedTypes.filter((type) => type.disposition === 'inline').map((type) => type.mime);
    expect(inline).toEqual(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
  });
});
