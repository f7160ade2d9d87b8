import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareEmbeddedFolder } from './pglite-folder.ts';

describe('the embedded database folder', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'copse-folder-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let count = 0;
  const folder = () => path.join(root, `data-${++count}`, 'pglite');

  it('marks a new folder as being made until it is made', () => {
    const pgliteDir = folder();
    mkdirSync(path.dirname(pgliteDir));
    const prepared = prepareEmbeddedFolder(pgliteDir);
    expect(prepared.fresh).toBe(true);
    expect(existsSync(`${pgliteDir}.unfinished`)).toBe(true);
    prepared.made();
    expect(existsSync(`${pgliteDir}.unfinished`)).toBe(false);
  });

  it('makes anew a folder whose making was cut off (PG_VERSION there, the rest not)', () => {
    const pgliteDir = folder();
    mkdirSync(pgliteDir, { recursive: true });
    writeFileSync(path.join(pgliteDir, 'PG_VERSION'), '17\n');
    writeFileSync(`${pgliteDir}.unfinished`, '');
    const prepared = prepareEmbeddedFolder(pgliteDir);
    expect(prepared.fresh).toBe(true);
    expect(existsSync(path.join(pgliteDir, 'PG_VERSION'))).toBe(false);
    expect(existsSync(`${pgliteDir}.unfinished`)).toBe(true);
  });

  it('keeps a made folder as it is', () => {
    const pgliteDir = folder();
    mkdirSync(pgliteDir, { recursive: true });
    writeFileSync(path.join(pgliteDir, 'PG_VERSION'), '17\n');
    const prepared = prepareEmbeddedFolder(pgliteDir);
    expect(prepared.fresh).toBe(false);
    expect(existsSync(path.join(pgliteDir, 'PG_VERSION'))).toBe(true);
    expect(existsSync(`${pgliteDir}.unfinished`)).toBe(false);
  });
});
