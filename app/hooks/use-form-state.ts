import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';
import { i18n } from '../i18n/i18n.ts';
import {
  fieldMessages,
  focusFirstField as focusFirst,
  failureMessage as formMessage,
  issueText,
} from './form-errors.ts';

export { issueText };

/**
 * (Being replaced by useApiForm and useApiAction, #14 §5.) Field errors, a form-level message and a busy flag for one form. `check` validates with the same zod
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
    const next = fieldMessages(result.error);
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
