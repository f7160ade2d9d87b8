// The web app's size budget, checked by `npm test` (static phase): the JavaScript of a first load (the
// entry, what it imports, and the chunk of the page opened with what that imports) stays under
// WEB_BUDGET_KB kilobytes compressed, for each page a visitor commonly lands on. Read from Vite's
// manifest (dist/web/.vite/manifest.json), built first when missing or older than its sources.
//
//   node scripts/check-web-budget.ts            builds if needed, prints the table, exits 1 over budget
//   node scripts/check-web-budget.ts --no-build only reads the build that is there
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** First-load JavaScript, brotli-compressed as served, in kilobytes (1,024 bytes). */
export const WEB_BUDGET_KB = 150;

/**
 * The landing pages held to the budget: the five that `npm run bench:web` opens (issue #13 §4). The
 * sign-in page is not yet (155 KB: its form brings zod, 21 KB; see bench/RESULTS-web.md).
 */
export const LANDING_PAGES: Record<string, string[]> = {
  home: ['app/pages/home-page.tsx'],
  directory: ['app/pages/communities/directory-page.tsx'],
  community: ['app/pages/communities/community-layout.tsx', 'app/pages/communities/about-tab.tsx'],
  thread: ['app/pages/discussions/thread-page.tsx'],
  search: ['app/pages/search/search-page.tsx'],
};

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface PageSize {
  page: string;
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

/** The files a chunk needs before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, key: string, into: Set<string>): void {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the web app's manifest: was it renamed?`);
  if (into.has(chunk.file)) return;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
}

/** What each landing page downloads as JavaScript on a first visit, with its compressed sizes. */
export function measure(webRoot: string, manifest: Manifest, pages = LANDING_PAGES): PageSize[] {
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)?.[0];
  if (!entry) throw new Error('The web app manifest has no entry.');
  const sizes = new Map<string, { raw: number; gzip: number; brotli: number }>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (!size) {
      const content = readFileSync(path.join(webRoot, file));
      size = {
        raw: content.length,
        gzip: gzipSync(content, { level: 9 }).length,
        brotli: brotliCompressSync(content, {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
        }).length,
      };
      sizes.set(file, size);
    }
    return size;
  };
  return Object.entries(pages).map(([page, modules]) => {
    const files = new Set<string>();
    staticClosure(manifest, entry, files);
    for (const module of modules) staticClosure(manifest, module, files);
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const file of files) {
      const size = sizeOf(file);
      total.raw += size.raw;
      total.gzip += size.gzip;
      total.brotli += size.brotli;
    }
    return { page, files: [...files], ...total };
  });
}

/** The table printed, and the pages over budget (brotli, as served to browsers). */
export function check(results: PageSize[], budgetKb = WEB_BUDGET_KB): { lines: string[]; over: string[] } {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const lines = [
    `First-load JavaScript per landing page (budget ${budgetKb} KB brotli):`,
    ...results.map(
      (r) =>
        `  ${r.page.padEnd(10)} ${kb(r.brotli).padStart(9)} brotli ${kb(r.gzip).padStart(9)} gzip ${kb(r.raw).padStart(10)} raw  ${r.files.length} files`,
    ),
  ];
  const over = results.filter((r) => r.brotli > budgetKb * 1024).map((r) => r.page);
  return { lines, over };
}

if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, '..');
  const webRoot = path.join(root, 'dist/web');
  const { values } = parseArgs({ options: { 'no-build': { type: 'boolean' } } });
  if (!values['no-build']) {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-web.ts')], { stdio: 'inherit' });
  }
  const manifestFile = path.join(webRoot, '.vite/manifest.json');
  if (!existsSync(manifestFile)) {
    console.error(`No ${manifestFile}: build the web app first (npm run build).`);
    process.exit(1);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const { lines, over } = check(measure(webRoot, manifest));
  console.log(lines.join('\n'));
  if (over.length > 0) {
    console.error(
      `Over the ${WEB_BUDGET_KB} KB budget: ${over.join(', ')}. Split what these pages load first.`,
    );
    process.exit(1);
  }
  console.log('Within budget.');
}
