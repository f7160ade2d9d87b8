import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emailField, passwordField, tagListField } from '../fields.ts';
import en from './catalogs/en.ts';
import { issueMessage } from './zod-issues.ts';

const common = path.resolve(import.meta.dirname, '..');
/** The field rules: common/fields.ts, common/meeting-fields.ts and the API contracts. */
const ruleFiles = [
  path.join(common, 'fields.ts'),
  path.join(common, 'meeting-fields.ts'),
  ...readdirSync(path.join(common, 'contracts'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => path.join(common, 'contracts', file)),
];

describe('the messages of the zod field rules', () => {
  it('are message ids of the catalogs, every one of them', () => {
    const used = ruleFiles.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/'((?:[a-z]+\.)?validation\.[\w.]+)'/g)].map(
        (match) => match[1] ?? '',
      ),
    );
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((id) => !Object.hasOwn(en, id))).toEqual([]);
  });

  it('are not English sentences any more (a rule’s own message is an id)', () => {
    const sentences = ruleFiles.flatMap((file) =>
      [
        ...readFileSync(file, 'utf8').matchAll(
          /\.(?:min|max|regex|refine|length|int|email|uuid|enum|number)\([^;]*?'([A-Z][^']* [^']*)'/g,
        ),
      ].map((match) => `${path.basename(file)}: ${match[1]}`),
    );
    expect(sentences).toEqual([]);
  });

  it('turn an issue into its id and values: the rule’s own id, else its kind’s', () => {
    const email = emailField.safeParse('nobody');
    expect(email.success ? undefined : issueMessage(email.error.issues[0] ?? { code: '' })).toMatchObject({
      id: 'validation.email.invalid',
    });
    const long = passwordField.safeParse('x'.repeat(201));
    expect(long.success ? undefined : issueMessage(long.error.issues[0] ?? { code: '' })).toEqual({
      id: 'validation.tooBig',
      values: { origin: 'string', maximum: 200 },
    });
    const tags = tagListField.safeParse(Array.from({ length: 31 }, (_, i) => `tag${i}`));
    expect(tags.success ? undefined : issueMessage(tags.error.issues[0] ?? { code: '' })).toMatchObject({
      id: 'validation.tags.tooMany',
      values: { maximum: 30 },
    });
    const kind = z.enum(['a', 'b']).safeParse('c');
    expect(kind.success ? undefined : issueMessage(kind.error.issues[0] ?? { code: '' })).toEqual({
      id: 'validation.invalidValue',
      values: { values: 'a, b' },
    });
    expect(issueMessage({ code: 'custom', message: 'Invalid input' }).id).toBe('validation.invalid');
    // An area's own message ids are ids too (they were shown as their id, and answered generically).
    expect(issueMessage({ code: 'too_small', message: 'projects.validation.title' }).id).toBe(
      'projects.validation.title',
    );
  });
});
