/**
 * After a client-side navigation, focus goes to the new page's heading (`[data-page-title]` in main), so
 * screen readers announce the page and Tab starts from it. A heading already there is focused at once;
 * one a page renders later (after its data arrives) is focused as it appears, in the same task as the
 * render, before anything is painted, unless the person has moved focus since. Answers the clean-up.
 */
export function focusPageTitle(): () => void {
  const main = document.getElementById('main');
  const find = () => main?.querySelector<HTMLElement>('[data-page-title]') ?? null;
  const heading = find();
  if (heading || !main) {
    heading?.focus({ preventScroll: false });
    return () => undefined;
  }
  main.focus({ preventScroll: false });
  const observer = new MutationObserver(() => {
    const appeared = find();
    if (!appeared) return;
    observer.disconnect();
    const at = document.activeElement;
    if (at === main || at === document.body || at === null) appeared.focus({ preventScroll: false });
  });
  observer.observe(main, { childList: true, subtree: true });
  return () => observer.disconnect();
}
