// The languages check, run by `npm test` (static phase) and `node scripts/check-i18n.ts`:
//
//   catalogs   every area file of common/i18n/catalogs exists in every language with the same message
//              ids, each id starts with its area ("meetings.…" in meetings.json), every message compiles
//              as ICU MessageFormat, and each language's message uses the same placeholders as English
//   literals   no text a person reads is written in the web app's code instead of a catalog: JSX text,
//              text attributes (label, title, placeholder, aria-label, …), text properties of objects
//              (label: …) and strings that read as a sentence. Brand names (Copse, Toolkit, Ping) pass;
//              a line marked `i18n-ignore` (with why) passes; files still being translated are listed
//              in scripts/i18n-pending.txt, and a listed file with nothing left to translate fails too,
//              so the list only shrinks.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import ts from 'typescript';
import { locales, sourceLocale } from '../common/i18n/locales.ts';

const root = path.resolve(import.meta.dirname, '..');
const catalogsDir = path.join(root, 'common/i18n/catalogs');

type Token = string | [string, string?, unknown?];

/** The placeholder names of a compiled message, nested plural and select branches included. */
function placeholders(tokens: unknown, into = new Set<string>()): Set<string> {
  if (!Array.isArray(tokens)) return into;
  for (const token of tokens as Token[]) {
    if (typeof token === 'string') continue;
    const [name, , format] = token;
    into.add(name);
    if (format && typeof format === 'object')
      for (const branch of Object.values(format as Record<string, unknown>)) placeholders(branch, into);
  }
  return into;
}

/** Rich-text tags (`<0>…</0>`, `<link>…</link>`) a message wraps around text. */
function tags(message: string): string {
  return [...message.matchAll(/<\/?([\w-]+)>/g)]
    .map((match) => match[0])
    .sort()
    .join(' ');
}

function readCatalog(locale: string, area: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(path.join(catalogsDir, locale, `${area}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
  } catch {
    return undefined;
  }
}

export function checkCatalogs(): string[] {
  const problems: string[] = [];
  const areas = new Set<string>();
  for (const locale of locales)
    for (const file of readdirSync(path.join(catalogsDir, locale)))
      if (file.endsWith('.json')) areas.add(file.slice(0, -'.json'.length));
  for (const area of [...areas].sort()) {
    const source = readCatalog(sourceLocale, area);
    if (!source) {
      problems.push(`${sourceLocale}/${area}.json is missing or not JSON`);
      continue;
    }
    for (const locale of locales) {
      const catalog = readCatalog(locale, area);
      if (!catalog) {
        problems.push(`${locale}/${area}.json is missing or not JSON`);
        continue;
      }
      for (const id of Object.keys(source))
        if (!(id in catalog)) problems.push(`${locale}/${area}.json: "${id}" is missing`);
      for (const [id, message] of Object.entries(catalog)) {
        const where = `${locale}/${area}.json: "${id}"`;
        if (!id.startsWith(`${area}.`)) problems.push(`${where} should start with "${area}."`);
        if (!(id in source)) problems.push(`${where} is not in ${sourceLocale}/${area}.json`);
        if (typeof message !== 'string' || !message.trim()) {
          problems.push(`${where} is empty`);
          continue;
        }
        let compiled: unknown;
        try {
          compiled = compileMessageOrThrow(message);
        } catch (error) {
          problems.push(`${where} is not valid ICU MessageFormat: ${(error as Error).message}`);
          continue;
        }
        const original = source[id];
        if (locale === sourceLocale || typeof original !== 'string') continue;
        let expected: Set<string>;
        try {
          expected = placeholders(compileMessageOrThrow(original));
        } catch {
          continue;
        }
        const got = placeholders(compiled);
        const missing = [...expected].filter((name) => !got.has(name));
        const extra = [...got].filter((name) => !expected.has(name));
        if (missing.length || extra.length)
          problems.push(
            `${where} has placeholders {${[...got].join(', ')}}, English has {${[...expected].join(', ')}}`,
          );
        if (tags(message) !== tags(original)) problems.push(`${where} wraps other tags than English`);
      }
    }
  }
  return problems;
}

/** Names that stay as they are in every language. */
const brandNames = /\b(Copse|Toolkit|Ping|Pings|Markdown|iCalendar|CSV|ICS|URL|PNG|JPEG|WebP|PDF|ZIP)\b/g;

/** Attributes whose value a person reads or hears. */
const textAttributes = new Set([
  'label',
  'title',
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'alt',
  'description',
  'error',
  'message',
  'emptyLabel',
  'nothingFoundMessage',
  'confirmLabel',
  'cancelLabel',
  'loadingLabel',
  'tooltip',
  'heading',
  'subtitle',
  'hint',
  'caption',
  'text',
]);

/** Object properties whose value a person reads (option lists, tabs, notifications…). */
const textProperties = new Set([
  'label',
  'title',
  'placeholder',
  'description',
  'message',
  'error',
  'hint',
  'heading',
  'text',
  'summary',
  'caption',
  'tooltip',
  'emptyLabel',
  'confirmLabel',
]);

/** Addresses, CSS values and font stacks: for machines, whatever attribute holds them. */
function isTechnical(text: string): boolean {
  const value = text.trim();
  return (
    /^(https?:\/\/|mailto:|\/api\/|var\(|#[0-9a-f]{3,8}$)/i.test(value) ||
    /\b\d+(px|rem|em|vh|vw|%)\b|var\(--|rgba?\(/.test(value) ||
    /^[\w-]+(\s*,\s*("[^"]+"|[\w-]+))+$/.test(value.replace(/"[^"]*"/g, 'x'))
  );
}

function hasWords(text: string): boolean {
  return !isTechnical(text) && /\p{L}{2,}/u.test(text.replace(brandNames, ''));
}

/** A string that reads as words for a person: two words or more, or a capitalised word ending in punctuation. */
function readsAsSentence(text: string): boolean {
  const stripped = text.replace(brandNames, '').trim();
  if (!hasWords(stripped)) return false;
  if (/^[a-z0-9_.:/#?&=-]+$/i.test(stripped)) return /^[A-Z][a-z]+[.!?…]$/.test(stripped);
  if (/^(https?:|mailto:|\/|\.|#|--)/.test(stripped)) return false;
  return /\p{Lu}?\p{Ll}+[ ,’'][\p{L}]/u.test(stripped) && /\s/.test(stripped);
}

/** Calls whose string arguments are for developers or machines, not people. */
const developerCalls =
  /^(console\.\w+|Error|TypeError|RangeError|querySelector\w*|matchMedia|getElementById|addEventListener|removeEventListener|setAttribute|getAttribute|useSearchParams|URLSearchParams|fetch|apiGet\w*|apiSend|apiUpload|apiPostFile|apiUrl|navigate|startsWith|endsWith|includes|split|replace|test|match)$/;

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) {
    const object = ts.isIdentifier(callee.expression) ? callee.expression.text : '';
    return object === 'console' ? `console.${callee.name.text}` : callee.name.text;
  }
  return '';
}

function isIgnored(source: ts.SourceFile, node: ts.Node): boolean {
  const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
  const lines = source.text.split('\n');
  return [lines[line], lines[line - 1]].some((text) => text?.includes('i18n-ignore'));
}

export interface Literal {
  file: string;
  line: number;
  text: string;
}

/** The texts of one file of the web app that a person would read but no catalog holds. */
export function findLiterals(file: string, text: string): Literal[] {
  // A .ts file is parsed as TypeScript: read as TSX, a generic arrow (`<T>(action) => …`) looks like JSX.
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: Literal[] = [];
  const report = (node: ts.Node, value: string) => {
    if (isIgnored(source, node)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push({ file, line, text: value.trim().replace(/\s+/g, ' ').slice(0, 80) });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node)) return;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && developerCalls.test(calleeName(node)))
      return;
    if (ts.isJsxText(node)) {
      if (hasWords(node.text)) report(node, node.text);
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const parent = node.parent;
      const value = node.text;
      if (parent && ts.isJsxAttribute(parent)) {
        if (textAttributes.has(parent.name.getText(source)) && hasWords(value)) report(node, value);
        return;
      }
      if (parent && ts.isJsxExpression(parent) && parent.parent && ts.isJsxAttribute(parent.parent)) {
        if (textAttributes.has(parent.parent.name.getText(source)) && hasWords(value)) report(node, value);
        else if (!textAttributes.has(parent.parent.name.getText(source)) && readsAsSentence(value))
          report(node, value);
        return;
      }
      if (parent && ts.isPropertyAssignment(parent) && parent.initializer === node) {
        const key = parent.name.getText(source).replace(/['"]/g, '');
        if (textProperties.has(key) ? hasWords(value) : readsAsSentence(value)) report(node, value);
        return;
      }
      if (parent && (ts.isPropertyAssignment(parent) || ts.isElementAccessExpression(parent))) return;
      if (readsAsSentence(value)) report(node, value);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' … ');
      if (readsAsSentence(parts)) report(node, parts);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const pendingFile = path.join(root, 'scripts/i18n-pending.txt');

export function readPending(): Set<string> {
  return new Set(
    readFileSync(pendingFile, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
  );
}

export function checkLiterals(): { problems: string[]; pendingCount: number; literalCount: number } {
  const pending = readPending();
  const problems: string[] = [];
  let literalCount = 0;
  const files = walk(path.join(root, 'app')).map((file) =>
    path.relative(root, file).split(path.sep).join('/'),
  );
  for (const file of files) {
    const literals = findLiterals(file, readFileSync(path.join(root, file), 'utf8'));
    if (pending.has(file)) {
      literalCount += literals.length;
      if (literals.length === 0)
        problems.push(`${file} has no text left to translate: take it off scripts/i18n-pending.txt`);
      continue;
    }
    for (const literal of literals)
      problems.push(`${literal.file}:${literal.line} text outside the catalogs: "${literal.text}"`);
  }
  for (const file of pending)
    if (!files.includes(file)) problems.push(`scripts/i18n-pending.txt names ${file}, which does not exist`);
  return { problems, pendingCount: pending.size, literalCount };
}

if (import.meta.main) {
  const catalogProblems = checkCatalogs();
  const { problems, pendingCount, literalCount } = checkLiterals();
  for (const problem of [...catalogProblems, ...problems]) console.error(problem);
  console.log(
    `Catalogs: ${catalogProblems.length} problem(s). Web app: ${problems.length} problem(s); ${pendingCount} file(s) still being translated, with ${literalCount} text(s) to go.`,
  );
  if (catalogProblems.length || problems.length) process.exit(1);
}
