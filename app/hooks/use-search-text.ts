import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigation, useSearchParams } from 'react-router';

/**
 * A search box whose words live in the address (`?q=` by default). The box changes at once; the address
 * follows after a pause in typing, replacing the history entry. When the address changes from elsewhere
 * (the back button, a link, another control's `setParams`), the box follows it and a pending write is
 * dropped, so a stale word never brings back a search that was just cleared.
 *
 * A pending write is also dropped when the person has already followed a link elsewhere: the next page's
 * code may still be loading when the pause ends, and writing the address then would send them back.
 *
 * `settle(value)` is for callers that write the address themselves (a submit, a "clear" button): the box
 * shows `value` at once and no pending write follows it.
 */
export function useSearchText(name = 'q', delay = 300) {
  const [params, setParams] = useSearchParams();
  const inAddress = params.get(name) ?? '';
  const [text, setShownText] = useState(inAddress);
  // The value this hook last asked the address to hold: a change to anything else came from elsewhere.
  const expected = useRef(inAddress);
  const { pathname } = useLocation();
  const navigation = useNavigation();
  const leaving = useRef(false);
  leaving.current = navigation.state !== 'idle' && navigation.location.pathname !== pathname;

  const write = useDebouncedCallback((value: string) => {
    if (leaving.current) return;
    expected.current = value;
    setParams(
      (prev) => {
        if ((prev.get(name) ?? '') === value) return prev;
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }, delay);

  useEffect(() => {
    if (inAddress === expected.current) return;
    write.cancel();
    expected.current = inAddress;
    setShownText(inAddress);
  }, [inAddress, write]);

  const setText = (value: string) => {
    setShownText(value);
    write(value.trim());
  };
  const settle = (value: string) => {
    write.cancel();
    expected.current = value.trim();
    setShownText(value);
  };
  return { text, setText, settle };
}
