import { useEffect, useState } from 'react';

const dialogOpen = () => document.querySelector('[role="dialog"][aria-modal="true"]') !== null;

/**
 * `value` as it is, except that it does not change while a dialog is open: a page that picks its
 * layout from the window's width (a table on a wide screen, cards on a phone) would otherwise unmount
 * the row whose dialog is open when the window narrows or is zoomed, closing the dialog and losing focus
 * (WCAG 1.4.10, 2.4.3). The new value takes effect once the dialog has closed.
 */
export function useSteadyWhileDialogOpen<T>(value: T): T {
  const [steady, setSteady] = useState(value);
  useEffect(() => {
    if (Object.is(steady, value)) return;
    if (!dialogOpen()) {
      setSteady(value);
      return;
    }
    const observer = new MutationObserver(() => {
      if (dialogOpen()) return;
      observer.disconnect();
      setSteady(value);
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    return () => observer.disconnect();
  }, [value, steady]);
  return steady;
}
