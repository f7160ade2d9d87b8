import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { cleanFileName, joinFileName, maxNameChars } from './file-name.ts';

const clean = (raw: string) => joinFileName(cleanFileName(raw));

describe('cleanFileName', () => {
  it.each([
    ['plan.pdf', 'plan.pdf'],
    ['Plan.PDF', 'Plan.pdf'],
    ['.pdf', 'file.pdf'],
    ['  .env.pdf ', 'env.pdf'],
    ['trailing dots...', 'trailing dots'],
    ['CON.pdf', '_CON.pdf'],
    ['a<b>:c|d?*.pdf', 'a_b__c_d__.pdf'],
    ['two   spaces\tand tab.pdf', 'two spaces and tab.pdf'],
    ['line\r\nbreak.pdf', 'line break.pdf'],
    ['nul\u0000and bell\u0007.pdf', 'nuland bell.pdf'],
    ['zero\u200bwidth.pdf', 'zerowidth.pdf'],
    ['invoice\u202efdp.exe', 'invoicefdp.exe'],
    ['Re\u0301sume\u0301.pdf', 'Résumé.pdf'],
    ['報告 2026 🌱.docx', '報告 2026 🌱.docx'],
    ['archive.tar.gz', 'archive.tar.gz'],
    ['no extension', 'no extension'],
    ['', 'file'],
  ])('%j becomes %j', (raw, expected) => {
    expect(clean(raw)).toBe(expected);
  });

  it.each([
    '../../etc/passwd',
    '..\\..\\win.ini',
    '/etc/passwd',
    'C:\\fakepath\\plan.pdf',
    'a/b.pdf',
    '..',
    ' .. ',
  ])('refuses the folder name %j', (raw) => {
    let error: unknown;
    try {
      cleanFileName(raw);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields).toEqual({
      file: 'The file name must not contain folders ("/", "\\" or "..").',
    });
  });

  it('shortens long names to 120 characters, keeping the extension', () => {
    const name = clean(`${'long '.repeat(80)}.pdf`);
    expect(Array.from(name).length).toBeLessThanOrEqual(maxNameChars);
    expect(name).toMatch(/^long long .*\.pdf$/);
    expect(Array.from(name).length).toBeGreaterThan(110);
  });

  it('never cuts a character in half and stays under 200 UTF-8 bytes', () => {
    const name = clean(`${'🌱'.repeat(200)}.png`);
    expect(name).toMatch(/^(🌱)+\.png$/u);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
  });
});
