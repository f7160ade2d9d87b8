import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check, type Manifest, measure } from './check-web-budget.ts';

// A fake build: random bytes do not compress, so each file weighs what it is written as.
const root = mkdtempSync(path.join(tmpdir(), 'copse-budget-'));
mkdirSync(path.join(root, 'assets'));
const write = (file: string, kb: number) => writeFileSync(path.join(root, file), randomBytes(kb * 1024));
write('assets/index.js', 100);
write('assets/react.js', 30);
write('assets/light.js', 5);
write('assets/heavy.js', 40);
write('assets/forms.js', 500);
const manifest: Manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_react.js'] },
  '_react.js': { file: 'assets/react.js' },
  'app/pages/light.tsx': { file: 'assets/light.js', imports: ['_react.js'] },
  'app/pages/heavy.tsx': { file: 'assets/heavy.js', imports: ['_react.js'] },
  // Loaded later by a dynamic import: not part of any first load.
  'app/pages/forms.tsx': { file: 'assets/forms.js' },
};
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the web size budget', () => {
  it('counts the entry, its imports and the page with its imports, each file once', () => {
    const [light] = measure(root, manifest, { light: ['app/pages/light.tsx'] });
    expect(light?.files.sort()).toEqual(['assets/index.js', 'assets/light.js', 'assets/react.js']);
    expect(light?.brotli).toBeGreaterThan(134 * 1024);
    expect(light?.brotli).toBeLessThan(137 * 1024);
  });

  it('fails a page whose first load is over the budget, and only that page', () => {
    const results = measure(root, manifest, {
      light: ['app/pages/light.tsx'],
      heavy: ['app/pages/heavy.tsx'],
    });
    expect(check(results, 150).over).toEqual(['heavy']);
    expect(check(results, 200).over).toEqual([]);
    expect(check(results, 100).over).toEqual(['light', 'heavy']);
  });

  it('refuses a page module that the build does not have', () => {
    expect(() => measure(root, manifest, { gone: ['app/pages/renamed.tsx'] })).toThrow(/not in the web app/);
  });
});
