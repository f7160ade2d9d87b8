import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/security.md stays true: it covers every OWASP ASVS 5.0 Level 1 and Level 2 requirement once,
 * each with a known status, and every "Tested" entry names a test file that exists and holds a test
 * with exactly that title.
 */

const root = path.resolve(import.meta.dirname, '..');

/**
 * The ASVS 5.0.0 requirements of Levels 1 and 2 (70 + 183), by section: "1.2:1-5" is V1.2.1 to V1.2.5.
 * From the standard's level lists (as published in OWASP Cornucopia's ASVS 5.0 taxonomy).
 */
const sections = `
1.1:1-2 1.2:1-9 1.3:1-11 1.4:1-3 1.5:1-2
2.1:1-3 2.2:1-3 2.3:1-4 2.4:1
3.2:1-2 3.3:1-4 3.4:1-6 3.5:1-5 3.7:1-2
4.1:1-3 4.2:1 4.3:1-2 4.4:1-4
5.1:1 5.2:1-3 5.3:1-2 5.4:1-3
6.1:1-3 6.2:1-12 6.3:1-4 6.4:1-4 6.5:1-5 6.6:1-3 6.8:1-4
7.1:1-3 7.2:1-4 7.3:1-2 7.4:1-5 7.5:1-2 7.6:1-2
8.1:1-2 8.2:1-3 8.3:1 8.4:1
9.1:1-3 9.2:1-4
10.1:1-2 10.2:1-2 10.3:1-4 10.4:1-11 10.5:1-5 10.6:1-2 10.7:1-3
11.1:1-2 11.2:1-3 11.3:1-3 11.4:1-4 11.5:1 11.6:1
12.1:1-3 12.2:1-2 12.3:1-4
13.1:1 13.2:1-5 13.3:1-2 13.4:1-5
14.1:1-2 14.2:1-4 14.3:1-3
15.1:1-3 15.2:1-3 15.3:1-7
16.1:1 16.2:1-5 16.3:1-4 16.4:1-3 16.5:1-3
17.1:1 17.2:1-4 17.3:1-2`;

function requiredIds(): string[] {
  return sections
    .trim()
    .split(/\s+/)
    .flatMap((entry) => {
      const [section, range = ''] = entry.split(':');
      const [first = 0, last = first] = range.split('-').map(Number);
      return Array.from({ length: last - first + 1 }, (_, i) => `V${section}.${first + i}`);
    });
}

const statuses = new Set(['Tested', 'Not applicable', 'No test']);

interface Row {
  id: string;
  status: string;
  evidence: string;
}

/** The map's rows: every table line whose first cell is an ASVS id. */
function mapRows(): Row[] {
  const text = readFileSync(path.join(root, 'docs/security.md'), 'utf8');
  return text
    .split('\n')
    .filter((line) => /^\| V\d+\.\d+\.\d+ \|/.test(line))
    .map((line) => {
      const cells = line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, '').trim());
      return { id: cells[0] ?? '', status: cells[2] ?? '', evidence: cells.slice(3).join(' | ') };
    });
}

/** The `file` › "title" pairs an entry names. */
function namedTests(evidence: string): { file: string; title: string }[] {
  return [...evidence.matchAll(/`([^`]+)` › "([^"]+)"/g)].map(([, file = '', title = '']) => ({
    file,
    title,
  }));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `source` declares a test (`it`, `test`, or an `.each(…)` table) titled exactly `title`. */
function declaresTest(source: string, title: string): boolean {
  const literals = [`'${title.replaceAll("'", "\\'")}'`, `"${title.replaceAll('"', '\\"')}"`, `\`${title}\``];
  return literals.some((literal) =>
    new RegExp(`(?:\\b(?:it|test)|\\))\\(\\s*${escapeRegExp(literal)}`).test(source),
  );
}

describe('docs/security.md', () => {
  const rows = mapRows();

  it('lists every ASVS 5.0 Level 1 and 2 requirement once, and no other', () => {
    const required = requiredIds();
    expect(required).toHaveLength(253);
    const ids = rows.map((row) => row.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(required.filter((id) => !ids.includes(id))).toEqual([]);
    expect(ids.filter((id) => !required.includes(id))).toEqual([]);
  });

  it('gives each a known status, and a reason to each requirement without a test', () => {
    for (const row of rows) {
      expect(statuses.has(row.status), `${row.id}: ${row.status}`).toBe(true);
      expect(row.evidence.length, `${row.id} says nothing`).toBeGreaterThan(15);
    }
  });

  it('names, for every tested requirement, tests that exist with exactly that title', () => {
    const problems: string[] = [];
    for (const row of rows.filter((r) => r.status === 'Tested')) {
      const tests = namedTests(row.evidence);
      if (tests.length === 0) problems.push(`${row.id} names no test`);
      for (const { file, title } of tests) {
        const full = path.join(root, file);
        if (!existsSync(full)) problems.push(`${row.id}: ${file} does not exist`);
        else if (!declaresTest(readFileSync(full, 'utf8'), title))
          problems.push(`${row.id}: ${file} has no test "${title}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds titles the way it should (the check itself can fail)', () => {
    const source =
      "it('keeps it', () => {});\nit.each(cases)('%s refused', () => {});\ntest(\"it's here\", f);";
    expect(declaresTest(source, 'keeps it')).toBe(true);
    expect(declaresTest(source, '%s refused')).toBe(true);
    expect(declaresTest(source, "it's here")).toBe(true);
    expect(declaresTest(source, 'keeps')).toBe(false);
    expect(namedTests('`a.test.ts` › "one"; `b.test.ts` › "two"')).toEqual([
      { file: 'a.test.ts', title: 'one' },
      { file: 'b.test.ts', title: 'two' },
    ]);
  });
});
