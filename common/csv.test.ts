import { describe, expect, it } from 'vitest';
import { neutraliseCsvCell, toCsv } from './csv.ts';

describe('neutraliseCsvCell', () => {
  it.each([
    ['=HYPERLINK("https://evil.example","Click")', `'=HYPERLINK("https://evil.example","Click")`],
    ['+1+1', "'+1+1"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['  =1+1', "'  =1+1"],
  ])('%j becomes text: %j', (value, safe) => {
    expect(neutraliseCsvCell(value)).toBe(safe);
  });

  it.each(['Ana Silva', 'ana+tag@example.test', 'Anne-Marie', '', 'x=1', "O'Brien"])(
    '%j stays as it is',
    (value) => {
      expect(neutraliseCsvCell(value)).toBe(value);
    },
  );
});

describe('toCsv', () => {
  it('quotes what needs quoting, neutralises every text cell and leaves numbers alone', () => {
    const csv = toCsv(
      ['Email', 'Name', 'Uses'],
      [
        ['ana@example.test', 'Silva, Ana "Nan"', 0],
        ['=evil@example.test', '=HYPERLINK("https://evil.example")', -1],
        [null, 'two\nlines', undefined],
      ],
    );
    expect(csv).toBe(
      '\uFEFFEmail,Name,Uses\r\n' +
        'ana@example.test,"Silva, Ana ""Nan""",0\r\n' +
        `'=evil@example.test,"'=HYPERLINK(""https://evil.example"")",-1\r\n` +
        ',"two\nlines",\r\n',
    );
  });
});
