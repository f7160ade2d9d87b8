import { useCallback, useState } from 'react';
import { failureMessage } from './form-errors.ts';

/**
 * A busy flag and a message for an action without fields (a Join button, Approve, Delete): `run`
 * sends and turns a failure into the message shown in a FormAlert. Forms with fields use `useApiForm`.
 */
export function useApiAction() {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setMessage(null);
    try {
      return await action();
    } catch (error) {
      setMessage(failureMessage(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  const reset = useCallback(() => setMessage(null), []);

  return { message, busy, run, reset, setMessage };
}

export type ApiAction = ReturnType<typeof useApiAction>;
