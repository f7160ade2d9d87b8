import { type BrowserContext, test as base, expect, type Frame, type Page } from '@playwright/test';
import axe from 'axe-core';
import { knownReflowDefects } from './reflow-known.ts';

/** The rules every state is checked against: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Puts axe into a frame once per document: a scan after a client-side change of the same document
 * reuses it. (AxeBuilder of @axe-core/playwright injected axe twice per scan and, in its default mode,
 * opened a blank page to merge results: 1.7 s a scan on average, over half of the journeys' time.)
 */
async function ensureAxe(frame: Frame): Promise<void> {
  try {
    if (await frame.evaluate('typeof window.axe === "object"')) return;
    await frame.evaluate(
      `${axe.source};axe.configure({ allowedOrigins: ['<same_origin>'], branding: { application: 'copse-journeys' } });`,
    );
  } catch {
    // A frame that navigated or closed while being prepared has nothing left to scan.
  }
}

/** Fails the test on any WCAG 2.2 AA violation on the page as it is now, in every frame of it. */
export async function expectAccessible(page: Page, context = ''): Promise<void> {
  // A dialog or menu still fading in has text at part opacity, which axe rightly reads as too faint:
  // scan the state the person sees once the page's finite transitions have ended. A transition may
  // start a frame after the element appears (Mantine sets its styles on the next frame), so the page
  // is asked again after two frames until none is running.
  await page.evaluate(async () => {
    const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    for (let round = 0; round < 20; round++) {
      await nextFrame();
      await nextFrame();
      const running = document
        .getAnimations()
        .filter(
          (animation) =>
            animation.playState === 'running' &&
            animation.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY,
        );
      if (running.length === 0) return;
      await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
    }
  });
  for (const frame of page.frames()) await ensureAxe(frame);
  // Without CSS selectors for the elements it reports (15% of a scan's time, 7 December 2026); a scan
  // that finds a violation runs again with them, so the failure names each element.
  const scan = (selectors: boolean) =>
    page.evaluate(
      ({ values, selectors }) =>
        (window as unknown as { axe: typeof axe }).axe.run(document, {
          runOnly: { type: 'tag', values },
          resultTypes: ['violations'],
          selectors,
        }),
      { values: wcagTags, selectors },
    );
  let results = await scan(false);
  if (results.violations.length > 0) results = await scan(true);
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `accessibility violations ${context}`).toEqual([]);
  await expectReflow(page, context);
}

/** The narrowest width content must reflow to without scrolling sideways (WCAG 1.4.10: 320 CSS px). */
const reflowWidth = 320;

/**
 * Fails when the page as it is scrolls sideways at 320 CSS px wide (WCAG 1.4.10 Reflow): the viewport
 * narrows to 320 (same height), and after two frames the document must be no wider, and no element may
 * stick out beyond 320 px unless a scroll container of its own (overflow-x auto or scroll, such as a
 * data table's) holds it, which 1.4.10 allows. The message names each offending element; the known
 * defects of reflow-known.ts are let through until the app is fixed. The viewport is restored after.
 */
async function expectReflow(page: Page, context: string): Promise<void> {
  const size = page.viewportSize();
  if (!size) return;
  const path = new URL(page.url()).pathname;
  const openDialogs = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[aria-modal="true"]')]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''),
    );
  const dialogsBefore = await openDialogs();
  const losesDialogs = knownReflowDefects.some((defect) => defect.losesDialog && defect.page.test(path));
  if (dialogsBefore.length > 0 && losesDialogs) return;
  if (size.width > reflowWidth) await page.setViewportSize({ width: reflowWidth, height: size.height });
  try {
    const found = await page.evaluate(async (width) => {
      const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      await nextFrame();
      await nextFrame();
      const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
      const inScroller = (el: Node) => {
        for (let up = el.parentElement; up && up !== document.documentElement; up = up.parentElement) {
          if (up === document.body) return false;
          if (scrolls(up)) return true;
        }
        return false;
      };
      // Text clipped by a box of its own (visually hidden text, an ellipsis) does not stick out; the box is
      // checked as an element.
      const inClipper = (node: Node) => {
        for (let up = node.parentElement; up && up !== document.body; up = up.parentElement) {
          if (getComputedStyle(up).overflowX !== 'visible') return true;
        }
        return false;
      };
      const offending = new Map<Element, number>();
      for (const el of document.body.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || box.right <= width + 0.5) continue;
        if (getComputedStyle(el).visibility === 'hidden' || inScroller(el)) continue;
        offending.set(el, box.right);
      }
      // Text that overflows its own box (a long word that does not wrap) sticks out while its element
      // fits: its element is named.
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || offending.has(parent) || !node.textContent?.trim()) continue;
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        if (box.width === 0 || box.right <= width + 0.5) continue;
        if (getComputedStyle(parent).visibility === 'hidden' || inClipper(node)) continue;
        offending.set(parent, box.right);
      }
      // Name the outermost element that sticks out: its descendants stick out with it.
      const outermost = [...offending.keys()].filter(
        (el) => !el.parentElement || !offending.has(el.parentElement),
      );
      return {
        scrollWidth: document.documentElement.scrollWidth,
        offenders: outermost.map((el) => {
          const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
          const classes =
            typeof el.className === 'string'
              ? el.className.trim().split(/\s+/).filter(Boolean).slice(0, 3)
              : [];
          const name = [el.tagName.toLowerCase(), ...classes].join('.');
          return `${name} "${text}" (right edge at ${Math.round(offending.get(el) ?? 0)} px)`;
        }),
      };
    }, reflowWidth);
    const known = knownReflowDefects.filter((defect) => defect.page.test(path) && defect.element);
    const isKnown = (offender: string) => known.some((defect) => offender.includes(defect.element ?? ''));
    // A page that re-renders another layout at 320 px must keep what the person was doing: an open dialog.
    expect(
      await openDialogs(),
      `reflow at ${reflowWidth} px ${context} on ${path}: the open dialog closed when the page narrowed`,
    ).toEqual(dialogsBefore);
    const unknown = found.offenders.filter((offender) => !isKnown(offender));
    const wide = found.scrollWidth > reflowWidth && unknown.length > 0;
    expect(
      unknown,
      `reflow at ${reflowWidth} px ${context} on ${path}: ${wide ? `the page is ${found.scrollWidth} px wide; ` : ''}these stick out`,
    ).toEqual([]);
    expect(
      found.scrollWidth <= reflowWidth || found.offenders.length > 0,
      `reflow at ${reflowWidth} px ${context}: the page is ${found.scrollWidth} px wide`,
    ).toBe(true);
  } finally {
    if (size.width > reflowWidth) await page.setViewportSize(size);
  }
}

/** The prefix the init script below logs a violation with, so the context's console listener knows it. */
const violationMark = 'copse:csp-violation ';

/**
 * Makes every page of `context` report Content-Security-Policy violations into `violations`. Chromium
 * logs its own CSP messages where Playwright's console events do not reach, so each page listens for the
 * DOM's `securitypolicyviolation` event and logs it.
 */
async function watchViolations(context: BrowserContext, violations: string[]): Promise<void> {
  context.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(violationMark)) violations.push(text.slice(violationMark.length));
  });
  await context.addInitScript((mark) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.log(
        `${mark}${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} in ${event.sourceFile}:${event.lineNumber} on ${location.pathname}`,
      );
    });
  }, violationMark);
}

/**
 * The journeys' test: as Playwright's, and it fails at the end on any CSP violation on any page the
 * journey opened, through the `page` fixture or its own `browser.newContext()` (journeys open one
 * context per person). The strict CSP is a security promise (docs/ARCHITECTURE.md); a dependency that
 * evals, or an inline script, must show up here and not only in a visitor's console. Every context
 * the journey opened is closed when it ends.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ browser }, use) => {
      const violations: string[] = [];
      const opened: BrowserContext[] = [];
      const newContext = browser.newContext;
      browser.newContext = async (options) => {
        const context = await newContext.call(browser, options);
        opened.push(context);
        await watchViolations(context, violations);
        return context;
      };
      try {
        await use(violations);
      } finally {
        browser.newContext = newContext;
        // Playwright closes only the contexts of its own fixtures: the people a journey signed in would
        // otherwise stay open, polling the server, for the rest of the run.
        await Promise.all(opened.map((context) => context.close()));
      }
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
