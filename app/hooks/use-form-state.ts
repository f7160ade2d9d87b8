import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { type IssueLike, issueMessage, isValidationId } from '../../common/i18n/zod-issues.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { i18n } from '../i18n/i18n.ts';

/** Moves focus to the first field named in `fields`, so keyboard and screen-reader users land on it. */
function focusFirst(fields: Record<string, string>): void {
  const first = Object.keys(fields)[0];
  if (!first) return;
  requestAnimationFrame(() => {
    const input = document.querySelector<HTMLElement>(`[data-field="${first}"], [name="${first}"]`);
    input?.focus();
  });
}

/**
 * The alert above a form for a failed send. The API's validation message names the first field
 * ("url: Enter a web address…"); the form shows that field's own message beside it, so the alert says
 * the message without the field's key (and `error` then marks the field without repeating it).
 */
function formMessage(error: unknown): string {
  const message = errorMessage(error);
  if (!(error instanceof ApiError)) return message;
  for (const [key, text] of Object.entries(error.fields)) {
    if (message === `${key}: ${text}`) return text;
  }
  return message;
}

/**
 * Field errors, a form-level message and a busy flag for one form. `check` validates with the same zod
 * rules as the server (common/fields.ts) and says what is wrong in the language shown; `run` sends and
 * turns an ApiError (already in that language: the client sends Accept-Language) into field messages
 * and an alert.
 */
export function useFormState() {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = useCallback(<S extends z.ZodType>(schema: S, values: unknown): z.output<S> | null => {
    const result = schema.safeParse(values);
    if (result.success) {
      setFields({});
      setMessage(null);
      return result.data;
    }
    const next: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const key = issue.path.map(String).join('.') || 'form';
      // The rules' messages are catalog ids (zod's own get their kind's message), as on the server.
      next[key] ??= issueText(issue);
    }
    setFields(next);
    setMessage(i18n._('validation.form.correctFields'));
    focusFirst(next);
    return null;
  }, []);

  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setFields({});
    setMessage(null);
    try {
      return await action();
    } catch (error) {
      if (error instanceof ApiError) {
        setFields(error.fields);
        focusFirst(error.fields);
      }
      setMessage(formMessage(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  const reset = useCallback(() => {
    setFields({});
    setMessage(null);
  }, []);

  /**
   * What an input shows for `name`: its message, or just the invalid state when the alert above the form
   * already says exactly the same thing (one announcement, not two identical lines).
   */
  const error = useCallback(
    (name: string): string | boolean | undefined => {
      const text = fields[name];
      if (!text) return undefined;
      return text === message ? true : text;
    },
    [fields, message],
  );

  return { fields, message, busy, check, run, reset, setMessage, setFields, error };
}

export type FormState = ReturnType<typeof useFormState>;

/**
 * A zod issue in the language shown: a shared rule's message id translated; a message the app's own
 * schema wrote (already in the language shown), or zod's own (app/lib/zod-jitless.ts words it), as it is.
 */
export function issueText(issue: IssueLike): string {
  if (issue.message && !isValidationId(issue.message)) return issue.message;
  const { id, values } = issueMessage(issue);
  return i18n._(id, values);
}
