// Builds the web app into dist/web when it is missing or older than its sources. `npm ci` and
// `npm install` run it (the `prepare` script), so an installed copy has its build and `npm start` only
// serves it. `--if-missing` (what `npm start` runs) builds only when there is no build at all (an
// install with --ignore-scripts) and otherwise just warns when the build is older than the sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist/web/index.html');
const { values } = parseArgs({ options: { 'if-missing': { type: 'boolean' } } });

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  const sources = ['app', 'common', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) =>
    path.join(root, p),
  );
  const sourceTime = Math.max(
    ...sources
      .filter(existsSync)
      .map((p) => (statSync(p).isDirectory() ? newestChange(p) : statSync(p).mtimeMs)),
  );
  return statSync(built).mtimeMs < sourceTime;
}

function build(): void {
  console.log('Building the web app…');
  execFileSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

if (!existsSync(built)) build();
else if (isStale()) {
  if (values['if-missing']) {
    console.warn('The web app in dist/web is older than its sources: run "npm run build" to rebuild it.');
  } else build();
}
