import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';

/**
 * A component whose code is left out of the first load of the page that shows it: forms, dialogs and
 * menus that are not needed to draw the page. Its chunk is fetched when it first renders (just after the
 * page is drawn); meanwhile `fallback` holds its place (nothing for a closed dialog, the height of a
 * form so the page does not shift when it arrives).
 */
export function deferred<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  fallback: ReactNode = null,
): ComponentType<Props> {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function Deferred(props: Props) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
