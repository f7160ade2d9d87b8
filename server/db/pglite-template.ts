import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createPgliteTemplate } from './client.ts';

/**
 * A migrated, empty PGlite data folder as a dump, made once per set of migrations (at `npm ci`, by the
 * postinstall step, or by the first test run). A new data folder starts from it instead of running
 * PGlite's initdb and every migration: the first start of a fresh install takes about a second for the
 * database instead of about five. Its name carries a hash of the migrations, so a dump made before a
 * migration landed is never loaded (the start then falls back to initdb and migrates as before).
 */
const root = path.resolve(import.meta.dirname, '../..');
const folder = path.join(root, 'node_modules/.cache/copse');
const migrationsFolder = path.join(import.meta.dirname, 'migrations');

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(migrationsFolder)
    .filter((file) => file.endsWith('.sql'))
    .sort()) {
    hash.update(name).update(readFileSync(path.join(migrationsFolder, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

export function pgliteTemplatePath(): string {
  return path.join(folder, `pglite-template-${migrationsHash()}.tar`);
}

/** The file of the dump for the current migrations, if one has been made. */
export function findPgliteTemplate(): string | undefined {
  const file = pgliteTemplatePath();
  return existsSync(file) ? file : undefined;
}

/** Makes the dump for the current migrations unless it exists; removes dumps of older migrations. */
export async function savePgliteTemplate(): Promise<string> {
  const file = pgliteTemplatePath();
  if (existsSync(file)) return file;
  mkdirSync(folder, { recursive: true });
  const dump = await createPgliteTemplate();
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  for (const old of readdirSync(folder)) {
    if (old.startsWith('pglite-template-') && path.join(folder, old) !== file && !old.endsWith('.partial')) {
      rmSync(path.join(folder, old), { force: true });
    }
  }
  return file;
}
