import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Vitest runs the test files of a worker in one module cache (`isolate: false`, vitest.config.ts), so
 * a test file that mocked a module or changed the environment would change it for the files after it.
 * None may: this scan fails on the calls that would.
 */
const root = path.resolve(import.meta.dirname, '..');
const leaking = [
  /\bvi\.(?:mock|doMock|unmock|stubEnv|stubGlobal|resetModules)\s*\(/,
  /\bprocess\.env(?:\.[A-Za-z_]\w*|\[[^\]]+\])\s*=(?!=)/,
  /\bdelete\s+process\.env\b/,
];

function testFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('test files share one module cache per worker', () => {
  it('finds the test files it scans', () => {
    expect(testFiles(path.join(root, 'server')).length).toBeGreaterThan(20);
  });

  it('has no test file that mocks a module or changes the environment', () => {
    const found = ['server', 'seed', 'common', 'app', 'scripts'].flatMap((folder) =>
      testFiles(path.join(root, folder)).flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => ({ line, index }))
          .filter(
            ({ line }) => file !== import.meta.filename && leaking.some((pattern) => pattern.test(line)),
          )
          .map(({ index }) => `${path.relative(root, file)}:${index + 1}`),
      ),
    );
    expect(found).toEqual([]);
  });
});
