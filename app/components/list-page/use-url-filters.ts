import { useState } from 'react';
import { useSearchParams } from 'react-router';

/** A list's filters by name, each as it stands in the address ('' when it is not there). */
export type FilterValues<N extends string> = Record<N, string>;

/** The values of `names` in `params`. */
export function readFilters<N extends string>(names: readonly N[], params: URLSearchParams): FilterValues<N> {
  const values = {} as FilterValues<N>;
  for (const name of names) values[name] = params.get(name) ?? '';
  return values;
}

/** `params` with `changes` written in: an empty value takes its parameter out; the others keep their place. */
export function withFilters(
  params: URLSearchParams,
  changes: Partial<Record<string, string>>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next;
}

/**
 * A list's filters kept in the address (`?topic=…&sort=…`), so Back, a reload and a shared link keep
 * them. `filters` is what the address holds (what the list shows); `shown` is what the controls show,
 * changed at once by `set` while the address follows (a navigation, which React may finish later), and
 * read again from the address when it changes elsewhere (Back, a link).
 *
 * `history` says what a change does to the browser's history: `push` makes each change a step that Back
 * undoes, `replace` keeps one entry for the page.
 *
 * `search` is the list's search box (`useSearchText`, which writes its words after a pause in typing):
 * every other change carries the words as the box shows them and drops the box's pending write, so a
 * filter chosen right after typing is not undone when that write lands; `applySearch` writes them at once
 * (the box's form submitted), and `clear` empties the box with the rest. `field(name)` gives a filter's
 * control (FilterSelect, TagFilterField) its value and change.
 */
export function useUrlFilters<N extends string>(
  names: readonly N[],
  options: {
    history: 'push' | 'replace';
    search?: { name: N; text: string; settle: (value: string) => void };
  },
) {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(names, params);
  const key = params.toString();
  const [shown, setShown] = useState(filters);
  const [shownFor, setShownFor] = useState(key);
  if (shownFor !== key) {
    setShownFor(key);
    setShown(filters);
  }
  const { search } = options;
  const replace = options.history === 'replace';

  const set = (requested: Partial<FilterValues<N>>) => {
    const changes: Partial<Record<string, string>> = { ...requested };
    if (search && !(search.name in requested)) {
      search.settle(search.text);
      changes[search.name] = search.text.trim();
    }
    setShown((current) => ({ ...current, ...changes }));
    setParams(withFilters(params, changes), { replace });
  };
  const clear = () => {
    search?.settle('');
    setShown(readFilters(names, new URLSearchParams()));
    setParams(new URLSearchParams(), { replace });
  };
  /** What a control of filter `name` takes: its value as shown and what to do when it changes. */
  const field = (name: N) => ({
    value: shown[name],
    onChange: (value: string) => set({ [name]: value } as Partial<FilterValues<N>>),
  });
  return { filters, shown, set, field, clear, applySearch: () => set({}), params };
}
