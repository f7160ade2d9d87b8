// The keyboard journeys check, run by `npm test` (static phase) and `node scripts/check-keyboard-journeys.ts`:
// the browser journeys (e2e/) reach and use every control by keyboard alone (issue #14, WCAG 2.1.1), through
// the helpers of e2e/support/keyboard.ts (tabTo, activate, typeInto, check, selectOption). So no file
// under e2e/ may call a pointer action or move focus by script: `.click(`, `.dblclick(`, `.hover(`,
// `.tap(`, `.focus(`, `.check(`, `.uncheck(`, `.selectOption(` (on a locator, a page, an element in a
// page function, anything), nor use `page.mouse` or `page.touchscreen`. The TypeScript parser reads the
// files, so comments and strings that name these do not count.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');

/** Methods that act with a pointer or set focus or state without the keyboard. */
export const forbiddenCalls = [
  'click',
  'dblclick',
  'hover',
  'tap',
  'focus',
  'check',
  'uncheck',
  'selectOption',
];
/** Properties that hand out a pointer device. */
export const forbiddenDevices = ['mouse', 'touchscreen'];

export interface Finding {
  file: string;
  line: number;
  text: string;
}

/** The pointer actions and programmatic focus in one source file. */
export function findPointerActions(file: string, source: string): Finding[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    findings.push({ file, line: line + 1, text });
  };
  const nameOf = (node: ts.Expression): string | undefined => {
    if (ts.isPropertyAccessExpression(node)) return node.name.text;
    if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression))
      return node.argumentExpression.text;
    return undefined;
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const name = nameOf(node.expression);
      if (name && forbiddenCalls.includes(name)) report(node, `.${name}(`);
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const name = nameOf(node);
      if (name && forbiddenDevices.includes(name)) report(node, `.${name}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return findings;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return /\.(c|m)?[jt]sx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every finding under e2e/. */
export function checkJourneys(): { findings: Finding[]; fileCount: number } {
  const files = walk(path.join(root, 'e2e'));
  const findings = files.flatMap((file) =>
    findPointerActions(path.relative(root, file).split(path.sep).join('/'), readFileSync(file, 'utf8')),
  );
  return { findings, fileCount: files.length };
}

if (import.meta.main) {
  const { findings, fileCount } = checkJourneys();
  for (const finding of findings)
    console.error(
      `${finding.file}:${finding.line} ${finding.text} — reach the control by keyboard (e2e/support/keyboard.ts)`,
    );
  console.log(`Keyboard journeys: ${fileCount} file(s) under e2e/, ${findings.length} pointer action(s).`);
  if (findings.length) process.exit(1);
}
