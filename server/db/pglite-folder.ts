import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Readies the embedded database's folder for PGlite, which takes a folder with PG_VERSION in it for one
 * already made. A new folder is made on the first start (unpacked from the migrated dump, or by
 * initdb), and the dump has PG_VERSION before the configuration files: a first start killed in
 * between left a folder that never opened again ("PGlite could not start"). So a folder being made is
 * marked, `pglite.unfinished` beside it, until the database has opened and migrated (`made()`); a start
 * that finds the mark removes the half-made folder and makes it anew. Nothing is lost with it: Copse
 * writes nothing of its own there before the mark goes.
 */
export function prepareEmbeddedFolder(pgliteDir: string): { fresh: boolean; made: () => void } {
  const mark = `${pgliteDir}.unfinished`;
  if (existsSync(mark)) rmSync(pgliteDir, { recursive: true, force: true });
  const fresh = !existsSync(path.join(pgliteDir, 'PG_VERSION'));
  if (fresh) writeFileSync(mark, '');
  return { fresh, made: () => rmSync(mark, { force: true }) };
}
