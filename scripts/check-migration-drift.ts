// Fails when the Drizzle schema has changes that no committed migration holds: generating migrations
// from the schema into a copy of the migrations folder must produce nothing new.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const migrations = path.join(root, 'server/db/migrations');
const copy = mkdtempSync(path.join(tmpdir(), 'copse-drift-'));
try {
  cpSync(migrations, copy, { recursive: true });
  const before = readdirSync(copy).filter((f) => f.endsWith('.sql')).length;
  execFileSync(path.join(root, 'node_modules/.bin/drizzle-kit'), ['generate', '--name', 'drift_check'], {
    cwd: root,
    env: { ...process.env, DRIZZLE_OUT: copy },
    stdio: 'pipe',
  });
  const after = readdirSync(copy).filter((f) => f.endsWith('.sql'));
  if (after.length !== before) {
    console.error('Migration drift: the schema has changes no migration holds. Run "npm run db:generate".');
    process.exit(1);
  }
  console.log(`No migration drift (${before} migrations).`);
} finally {
  rmSync(copy, { recursive: true, force: true });
}
