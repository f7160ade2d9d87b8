import type { MessageId } from './i18n/message-id.ts';

/**
 * Text that PostgreSQL can store: no NUL character (text columns refuse U+0000) and no lone UTF-16
 * surrogate (`JSON.parse('"\ud800"')` gives one; it has no UTF-8 form). The API refuses both in every
 * string it takes (query, path, JSON bodies, multipart fields and file names, CSV cells) with a
 * field-level 400, through these functions.
 */
export const unsafeTextMessages = {
  nul: 'Remove the NUL character (byte 0): text cannot contain it.',
  surrogate: 'Contains a broken character (a lone UTF-16 surrogate): send valid Unicode text.',
} as const;

/** The same problems as message ids (errors.json), for answers in the reader's language. */
const unsafeTextMessageIds = {
  [unsafeTextMessages.nul]: 'errors.text.nul',
  [unsafeTextMessages.surrogate]: 'errors.text.surrogate',
} satisfies Record<string, MessageId>;

/** The message id of a problem `unsafeTextProblem` or `findUnsafeText` answered. */
export function unsafeTextMessageId(problem: string): MessageId {
  return Object.hasOwn(unsafeTextMessageIds, problem)
    ? unsafeTextMessageIds[problem as keyof typeof unsafeTextMessageIds]
    : 'errors.text.nul';
}

// With the u flag a surrogate class matches only surrogates that are not part of a pair (what
// `String.prototype.isWellFormed`, ES2024, tests; our lib target is ES2023).
const loneSurrogate = /\p{Cs}/u;

/** What is wrong with `text` (a sentence for the person who sent it), or undefined when it is fine. */
export function unsafeTextProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return unsafeTextMessages.nul;
  if (loneSurrogate.test(text)) return unsafeTextMessages.surrogate;
  return undefined;
}

/**
 * Walks a parsed value (object, array, string) and lists every string, or object key, that
 * `unsafeTextProblem` refuses, under its dotted path (`replies.0.body`), `prefix` first. A key that
 * is itself unsafe is named with its bad characters escaped.
 */
export function findUnsafeText(value: unknown, prefix = ''): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (item: unknown, path: string, depth: number) => {
    if (typeof item === 'string') {
      const problem = unsafeTextProblem(item);
      if (problem) found[path || 'body'] ??= problem;
      return;
    }
    if (item === null || typeof item !== 'object' || depth > 32) return;
    const entries = Array.isArray(item) ? item.entries() : Object.entries(item);
    for (const [key, child] of entries) {
      const name = String(key);
      const keyProblem = unsafeTextProblem(name);
      const shown = keyProblem ? JSON.stringify(name).slice(1, -1).replaceAll('.', '\\.') : name;
      const childPath = path ? `${path}.${shown}` : shown;
      if (keyProblem) found[childPath] ??= keyProblem;
      else visit(child, childPath, depth + 1);
    }
  };
  visit(value, prefix, 0);
  return found;
}
