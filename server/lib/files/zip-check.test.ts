import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { allowedTypes, type FileKind } from './allow-list.ts';
import { checkUpload } from './check-upload.ts';
import { buildOdf, buildOoxml, buildZip, type ZipEntrySpec } from './fixtures/build-zip.ts';
import { checkZipContainer, zipLimits, zipMessages } from './zip-check.ts';

const maxBytes = 25 * 1024 * 1024;
const mb = 1024 * 1024;
const ooxmlMain = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const contentTypes = `<?xml version="1.0"?><Types><Override PartName="/word/document.xml" ContentType="${ooxmlMain}"/></Types>`;
const wordDamaged = 'This file is damaged or is not a real Word document, so it cannot be uploaded.';

/** A Word package with extra entries after the required parts. */
function docxWith(...extra: ZipEntrySpec[]): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: 'word/document.xml', data: '<w:document/>' },
    ...extra,
  ]);
}

function typeOf(kind: FileKind) {
  const type = allowedTypes.find((allowed) => allowed.kind === kind);
  if (!type) throw new Error(`no ${kind}`);
  return type;
}

async function fieldMessage(work: Promise<unknown>): Promise<string | undefined> {
  const error = await work.then(
    () => new Error('accepted'),
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw error;
  expect(error.status).toBe(400);
  return error.fields?.file;
}

describe('zip bombs are refused', () => {
  it('zeros that compress a thousandfold (ratio over 100)', async () => {
    const bomb = docxWith({ name: 'word/media/zeros.bin', data: Buffer.alloc(5 * mb) });
    expect(bomb.length).toBeLessThan(20_000);
    const message = await fieldMessage(checkUpload({ filename: 'plan.docx', bytes: bomb, maxBytes }));
    expect(message).toBe(zipMessages.bomb);
  });

  it('entries whose central directory declares more than 200 MB in all', async () => {
    const bomb = docxWith(
      { name: 'word/media/a.bin', data: Buffer.alloc(1024), declaredSize: 150 * mb },
      { name: 'word/media/b.bin', data: Buffer.alloc(1024), declaredSize: 150 * mb },
    );
    const message = await fieldMessage(checkUpload({ filename: 'plan.docx', bytes: bomb, maxBytes }));
    expect(message).toBe(zipMessages.bomb);
  });

  it('an entry that expands past the small size it declares', async () => {
    // Declared 100 bytes, so the totals look harmless; 2 MB come out when it is expanded.
    const liar = docxWith({ name: 'word/media/zeros.bin', data: Buffer.alloc(2 * mb), declaredSize: 100 });
    const message = await fieldMessage(checkUpload({ filename: 'plan.docx', bytes: liar, maxBytes }));
    expect(message).toBe(zipMessages.bomb);
  });

  it('more than 10,000 entries', async () => {
    const parts = Array.from({ length: zipLimits.maxEntries }, (_, i) => ({
      name: `word/media/${i}.bin`,
      method: 'store' as const,
    }));
    const message = await fieldMessage(
      checkUpload({ filename: 'plan.docx', bytes: docxWith(...parts), maxBytes }),
    );
    expect(message).toBe(`This file holds more than 10,000 parts, so it cannot be uploaded.`);
  });
});

describe('zip containers', () => {
  it('accept a package with incompressible media below the limits', async () => {
    const media = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919) % 251));
    const result = await checkUpload({
      filename: 'plan.docx',
      bytes: docxWith({ name: 'word/media/image1.bin', data: media }),
      maxBytes,
    });
    expect(result).toMatchObject({ kind: 'docx', disposition: 'attachment' });
  });

  it('refuse a Word package whose central directory has no [Content_Types].xml', async () => {
    const zip = buildZip([{ name: 'word/document.xml', data: '<w:document/>' }]);
    expect(await fieldMessage(checkZipContainer(zip, typeOf('docx')))).toBe(wordDamaged);
  });

  it('refuse a manifest that declares another main part', async () => {
    expect(await fieldMessage(checkZipContainer(buildOoxml('xl/workbook.xml'), typeOf('docx')))).toBe(
      wordDamaged,
    );
  });

  it('refuse an OpenDocument file whose mimetype entry names another type', async () => {
    const odt = buildOdf('application/vnd.oasis.opendocument.text');
    expect(await fieldMessage(checkZipContainer(odt, typeOf('ods')))).toBe(
      'This file is damaged or is not a real OpenDocument spreadsheet, so it cannot be uploaded.',
    );
  });

  it('refuse an entry named with a path traversal', async () => {
    const zip = docxWith({ name: '../../evil.sh', data: '#!/bin/sh' });
    expect(await fieldMessage(checkZipContainer(zip, typeOf('docx')))).toBe(wordDamaged);
  });

  it('refuse a truncated package', async () => {
    const docx = buildOoxml('word/document.xml');
    const cut = docx.subarray(0, docx.length - 30);
    expect(await fieldMessage(checkUpload({ filename: 'plan.docx', bytes: cut, maxBytes }))).toBe(
      wordDamaged,
    );
  });

  it('refuse a plain zip archive', async () => {
    const zip = buildZip([{ name: 'notes.txt', data: 'hello' }]);
    expect(await fieldMessage(checkUpload({ filename: 'notes.zip', bytes: zip, maxBytes }))).toMatch(
      /^Files of type \.zip cannot be uploaded\./,
    );
  });
});
