import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF that Chromium printed (page.pdf), enough to check that a report holds its figures:
 * every stream inflated, each font's ToUnicode map read (bfchar and bfrange), then every text-showing
 * operator (Tj, TJ) decoded through the map of the font in use (Tf). Not a general PDF reader: Chromium
 * writes Type0 fonts with two-byte glyph codes and one ToUnicode map each, which is all this handles.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<string, string>();
  const objectPattern = /(\d+) 0 obj([\s\S]*?)endobj/g;
  for (const match of source.matchAll(objectPattern)) {
    const [, id = '', body = ''] = match;
    const stream = /stream\r?\n([\s\S]*?)\r?\nendstream/.exec(body);
    let text = body;
    if (stream?.[1] !== undefined && body.includes('/FlateDecode')) {
      try {
        text = `${body.slice(0, stream.index)}stream\n${inflateSync(Buffer.from(stream[1], 'latin1')).toString('latin1')}`;
      } catch {
        // An image or a stream that is not zlib: no text in it.
      }
    }
    objects.set(id, text);
  }
  // Font resource name (/F4) → its ToUnicode map, through the font objects.
  const maps = new Map<string, Map<number, string>>();
  const fontOfName = new Map<string, string>();
  for (const body of objects.values()) {
    for (const match of body.matchAll(/\/(F\d+|C\d+_\d+|T\d+_\d+)\s+(\d+) 0 R/g)) {
      fontOfName.set(match[1] ?? '', match[2] ?? '');
    }
  }
  for (const [name, fontId] of fontOfName) {
    const font = objects.get(fontId) ?? '';
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(font)?.[1];
    if (toUnicode) maps.set(name, readCmap(objects.get(toUnicode) ?? ''));
  }
  const out: string[] = [];
  for (const body of objects.values()) {
    if (!body.includes('BT')) continue;
    let map = new Map<number, string>();
    const tokens = body.matchAll(/\/([A-Za-z0-9_]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\]\s*TJ|Tj|T\*|Td|TD|ET/g);
    for (const token of tokens) {
      if (token[1]) map = maps.get(token[1]) ?? map;
      else if (token[2] !== undefined) out.push(decode(token[2], map));
      else if (token[0] === 'ET' || token[0] === 'Td' || token[0] === 'TD' || token[0] === 'T*')
        out.push(' ');
    }
  }
  return out.join('').replace(/\s+/g, ' ');
}

function decode(hex: string, map: Map<number, string>): string {
  let text = '';
  for (let i = 0; i + 4 <= hex.length; i += 4)
    text += map.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '';
  return text;
}

function unicodeOf(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(Number.parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

function readCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(Number.parseInt(pair[1] ?? '0', 16), unicodeOf(pair[2] ?? ''));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of (block[1] ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const start = Number.parseInt(range[1] ?? '0', 16);
      const end = Number.parseInt(range[2] ?? '0', 16);
      const first = Number.parseInt(range[3] ?? '0', 16);
      for (let code = start; code <= end; code++) map.set(code, String.fromCharCode(first + code - start));
    }
  }
  return map;
}
