import { type UseFormInput, useForm } from '@mantine/form';
import { type FormEvent, type ReactNode, useCallback, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';
import { i18n } from '../i18n/i18n.ts';
import { failureMessage, fieldMessages, focusFirstField } from './form-errors.ts';

type FormValues = Record<string, unknown>;

export interface ApiFormOptions<Values extends FormValues, Schema extends z.ZodType> {
  initialValues: Values;
  /** The same zod rules the server checks (common/fields.ts); the body sent is its output. */
  schema: Schema;
  /** Mantine's other options (e.g. `onValuesChange`); validation is the schema's. */
  form?: Omit<UseFormInput<Values>, 'initialValues' | 'validate' | 'mode'>;
}

/**
 * One form that sends to the API, on @mantine/form: values and field errors live in Mantine's form;
 * `submit` checks the values with the schema (messages in the language shown, focus on the first wrong
 * field), sends the schema's output, and puts the server's field errors on their fields and its message
 * in the alert above the form. The one place a form's errors are handled.
 *
 *   const { form, field, message, busy, submit } = useApiForm({ initialValues: { email: '' }, schema });
 *   <form onSubmit={submit((body) => send.mutateAsync(body), () => navigate('/'))} noValidate>
 *     <FormAlert message={message} />
 *     <TextInput label={…} name="email" {...field('email')} />
 */
export function useApiForm<Values extends FormValues, Schema extends z.ZodType>(
  options: ApiFormOptions<Values, Schema>,
) {
  const { schema } = options;
  const form = useForm<Values>({ ...options.form, mode: 'controlled', initialValues: options.initialValues });
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The form element last sent, where focus goes to the first wrong field.
  const sentForm = useRef<HTMLFormElement | null>(null);

  /**
   * Checks the values with `rules` (other rules than the form's: a button that sends only some of its
   * fields); on success returns their output, else marks the fields and says so.
   */
  const checkWith = useCallback(
    <Rules extends z.ZodType>(rules: Rules): z.output<Rules> | null => {
      const result = rules.safeParse(form.getValues());
      if (result.success) {
        form.clearErrors();
        setMessage(null);
        return result.data;
      }
      const fields = fieldMessages(result.error);
      form.setErrors(fields);
      setMessage(i18n._('validation.form.correctFields'));
      focusFirstField(fields, sentForm.current);
      return null;
    },
    [form],
  );

  /** Checks the values; on success returns the schema's output, else marks the fields and says so. */
  const check = useCallback((): z.output<Schema> | null => checkWith(schema), [checkWith, schema]);

  /** Runs `action`; a failure lands on its fields and in the alert. */
  const attempt = useCallback(
    async <T>(action: () => Promise<T>): Promise<{ ok: true; answer: T } | { ok: false }> => {
      setBusy(true);
      setMessage(null);
      try {
        return { ok: true, answer: await action() };
      } catch (error) {
        if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
          form.setErrors(error.fields);
          focusFirstField(error.fields, sentForm.current);
        }
        setMessage(failureMessage(error));
        return { ok: false };
      } finally {
        setBusy(false);
      }
    },
    [form],
  );

  /** Sends with `action` (a form that checks its values itself); resolves undefined when it failed. */
  const send = useCallback(
    async <T>(action: () => Promise<T>): Promise<T | undefined> => {
      const outcome = await attempt(action);
      return outcome.ok ? outcome.answer : undefined;
    },
    [attempt],
  );

  /** The form's onSubmit: check, send the checked body, then `done` with the answer. */
  const submit = useCallback(
    <T>(action: (body: z.output<Schema>) => Promise<T>, done?: (answer: T) => void) =>
      (event?: FormEvent) => {
        event?.preventDefault();
        if (event?.currentTarget instanceof HTMLFormElement) sentForm.current = event.currentTarget;
        const body = check();
        if (body === null) return;
        void attempt(() => action(body)).then((outcome) => {
          if (outcome.ok) done?.(outcome.answer);
        });
      },
    [check, attempt],
  );

  /**
   * An input's props for `path`: Mantine's value, onChange and error. The error shows as the invalid
   * state alone when the alert above already says exactly the same (one announcement, not two lines).
   */
  const field = useCallback(
    (path: string, inputOptions?: Parameters<typeof form.getInputProps>[1]) => {
      const props = form.getInputProps(path, inputOptions);
      const error: ReactNode = props.error;
      return { ...props, error: typeof error === 'string' && error === message ? true : error };
    },
    [form, message],
  );

  const reset = useCallback(() => {
    form.reset();
    setMessage(null);
  }, [form]);

  /** Forgets what the last check or send said (field errors and the alert), keeping the values. */
  const { clearErrors } = form;
  const clear = useCallback(() => {
    clearErrors();
    setMessage(null);
  }, [clearErrors]);

  return { form, field, message, setMessage, busy, check, checkWith, send, submit, reset, clear };
}

export type ApiForm = ReturnType<typeof useApiForm>;
