import type { z } from 'zod';
import { type IssueLike, issueMessage, isValidationId } from '../../common/i18n/zod-issues.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { i18n } from '../i18n/i18n.ts';

/**
 * Moves focus to the first field named in `fields`, so keyboard and screen-reader users land on it; looks
 * inside `within` (the form that was sent) first, since two forms on a page may both have a "name".
 */
export function focusFirstField(fields: Record<string, unknown>, within?: ParentNode | null): void {
  const first = Object.keys(fields)[0];
  if (!first) return;
  requestAnimationFrame(() => {
    const selector = `[data-field="${first}"], [name="${first}"]`;
    const input =
      within?.querySelector<HTMLElement>(selector) ?? document.querySelector<HTMLElement>(selector);
    input?.focus();
  });
}

/**
 * After a failed send of a form whose fields carry no name (a small form kept in React state), or a
 * failed action of a card: focus goes to the first field marked invalid in `form`, else to its alert, never left on a button that
 * went disabled while sending (which drops it to the page's top). Waits two frames for the marks.
 */
export function focusFirstInvalid(form: HTMLElement | null): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (!form) return;
      const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (invalid) {
        invalid.focus();
        return;
      }
      const alert = form.querySelector<HTMLElement>('[role="alert"]');
      if (!alert) return;
      alert.tabIndex = -1;
      alert.focus();
    }),
  );
}

/**
 * The alert above a form for a failed send. The API's validation message names the first field
 * ("url: Enter a web address…"); the form shows that field's own message beside it, so the alert says
 * the message without the field's key (and the field is then marked without repeating it).
 */
export function failureMessage(error: unknown): string {
  const message = errorMessage(error);
  if (!(error instanceof ApiError)) return message;
  for (const [key, text] of Object.entries(error.fields)) {
    if (message === `${key}: ${text}`) return text;
  }
  return message;
}

/**
 * A zod issue in the language shown: a shared rule's message id translated; a message the app's own
 * schema wrote (already in the language shown), or zod's own (app/lib/zod-jitless.ts words it), as it is.
 */
export function issueText(issue: IssueLike): string {
  if (issue.message && !isValidationId(issue.message)) return issue.message;
  const { id, values } = issueMessage(issue);
  return i18n._(id, values);
}

/** A zod error as field messages keyed by path ("agenda.0.title"), the first message per field. */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    fields[key] ??= issueText(issue);
  }
  return fields;
}
