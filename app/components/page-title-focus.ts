/**
 * After a client-side navigation, focus goes to the new page's heading (`[data-page-title]` in main), so
 * screen readers announce the page and Tab starts from it. A heading already there is focused at once;
 * one a page renders later (after its data arrives) is focused as it appears, in the same task as the
 * render, before anything is painted. A page that shows a placeholder heading while it loads and then
 * its own (a community's "Community", then its name) replaces the heading focus was on: focus follows to
 * the new one rather than dropping to the page's top. The watch ends as soon as focus goes anywhere
 * else (the person moved it), and after ten seconds in any case. Answers the clean-up.
 */
export function focusPageTitle(): () => void {
  const main = document.getElementById('main');
  if (!main) return () => undefined;
  const find = () => main.querySelector<HTMLElement>('[data-page-title]');
  let placed: HTMLElement | null = null;
  const place = () => {
    placed = find();
    placed?.focus({ preventScroll: false });
    return placed;
  };
  const observer = new MutationObserver(() => {
    const at = document.activeElement;
    if (placed?.isConnected && at === placed) return;
    if (at === null || at === document.body || at === main) place();
  });
  const onFocusIn = (event: FocusEvent) => {
    if (event.target !== placed && event.target !== main) stop();
  };
  const timer = setTimeout(() => stop(), 10_000);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
    document.removeEventListener('focusin', onFocusIn);
  }
  if (!place()) main.focus({ preventScroll: false });
  observer.observe(main, { childList: true, subtree: true });
  document.addEventListener('focusin', onFocusIn);
  return stop;
}
