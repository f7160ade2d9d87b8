import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Locator } from '@playwright/test';

/*
 * The journeys reach every control by keyboard alone (issue #14, WCAG 2.1.1): focus moves with Tab,
 * Shift+Tab and arrow keys, and controls act on Enter, Space and typing, never on a click or a
 * programmatic focus (scripts/check-keyboard-journeys.ts fails on those). A control the keyboard cannot
 * reach fails the journey here, with the element that had focus and the one wanted.
 *
 * To stay fast, the page lists its tabbable elements in tab order (the `tabbable` package, which
 * Mantine's focus trap uses too, so the order is the one its traps keep) and the distance from the
 * focused element to the wanted one is pressed in a row, then checked, and computed again from where
 * focus landed when the page changed meanwhile. An open modal dialog keeps focus inside it, so its
 * elements are the whole list while it is open.
 */

const tabbableSource = readFileSync(
  createRequire(import.meta.url)
    .resolve('tabbable')
    .replace(/index\.(c?js|cjs)$/, 'index.umd.min.js'),
  'utf8',
);

/** The in-page part: installed once per document as `window.copseKeyboard`. */
const inPage = `(() => {
  if (window.copseKeyboard) return;
  ${tabbableSource}
  const tb = window.tabbable;
  const describe = (el) => {
    if (!el || el === document.body) return 'the page (nothing focused)';
    const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || '').trim().slice(0, 40);
    return '<' + el.tagName.toLowerCase() + (el.getAttribute('role') ? ' role=' + el.getAttribute('role') : '') + '> "' + name + '"';
  };
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const scope = () => {
    const modals = [...document.querySelectorAll('[aria-modal="true"]')].filter(visible);
    return modals[modals.length - 1] || document.body;
  };
  const active = () => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el;
  };
  const role = (el) => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit.split(' ')[0];
    const tag = el.tagName.toLowerCase();
    if (tag === 'input') {
      const type = (el.getAttribute('type') || 'text').toLowerCase();
      if (type === 'checkbox' || type === 'radio') return type;
      if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
      if (type === 'file') return 'file';
      return 'textbox';
    }
    if (tag === 'textarea') return 'textbox';
    if (tag === 'select') return 'select';
    if (tag === 'button' || tag === 'summary') return 'button';
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (el.isContentEditable) return 'textbox';
    return 'generic';
  };
  const kind = (el) => {
    const r = role(el);
    if (r === 'combobox' && el.tagName === 'SELECT') return 'select';
    if (r === 'switch') return 'checkbox';
    if (r === 'menuitemcheckbox' || r === 'menuitemradio') return 'menuitem';
    return r;
  };
  /** The element of a roving group (radios, tabs) that Tab reaches, standing in for \`el\`. */
  const groupOf = (el) => {
    const r = role(el);
    if (r === 'radio') {
      const group = el.closest('[role=radiogroup]') || el.form || document;
      return [...group.querySelectorAll(el.name ? 'input[type=radio]' : '[role=radio]')].filter(
        (other) => (el.name ? other.name === el.name : true) && visible(other) && !other.disabled,
      );
    }
    if (r === 'tab') {
      const list = el.closest('[role=tablist]');
      return list ? [...list.querySelectorAll('[role=tab]')].filter((t) => visible(t) && !t.disabled) : [el];
    }
    return [el];
  };
  const checked = (el) => {
    if ('checked' in el && (el.type === 'checkbox' || el.type === 'radio')) return el.checked;
    return el.getAttribute('aria-checked') === 'true' || el.getAttribute('aria-selected') === 'true';
  };
  /**
   * What to press to move focus to \`target\` (or an element inside it, or its tabbable stand-in):
   * { reached } when focus is there, { key, steps } otherwise, { missing } when it is not tabbable now.
   */
  const plan = (target) => {
    const list = tb.tabbable(scope(), { displayCheck: 'full' });
    const at = active();
    const hits = (el) => el === target || target.contains(el) || el.contains(target);
    if (at && at !== document.body && (at === target || target.contains(at))) return { reached: true };
    let want = list.findIndex(hits);
    if (want === -1) {
      const group = groupOf(target);
      if (group.includes(at)) return { reached: true };
      want = list.findIndex((el) => group.includes(el));
    }
    if (want === -1) return { missing: 'not tabbable now: ' + describe(target) + ' (focus on ' + describe(at) + ')' };
    if (at && list[want] === at) return { reached: true };
    const from = list.indexOf(at);
    if (from >= 0) {
      const diff = want - from;
      return diff > 0 ? { key: 'Tab', steps: diff } : { key: 'Shift+Tab', steps: -diff };
    }
    if (!at || at === document.body) return { key: 'Tab', steps: 1 };
    // Focus is on an element out of the tab order (a heading the app focused, a menu item): Tab goes
    // to the next tabbable element after it in the document, Shift+Tab to the one before.
    const next = list.findIndex((el) => at.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    const after = next === -1 ? list.length : next;
    return want >= after ? { key: 'Tab', steps: want - after + 1 } : { key: 'Shift+Tab', steps: after - want };
  };
  window.copseKeyboard = { plan, kind, groupOf, checked, active, describe, role };
})();`;

type Plan = { reached: true } | { key: string; steps: number } | { missing: string };

interface InPage {
  plan(target: Element): Plan;
  kind(el: Element): string;
  groupOf(el: Element): Element[];
  checked(el: Element): boolean;
  active(): Element | null;
  describe(el: Element | null): string;
}
type KeyboardWindow = { copseKeyboard: InPage };

/** How long a control may take to appear, become tabbable or take focus, as the journeys' expect timeout. */
const timeout = 10_000;

const installedIn = new WeakSet<object>();

/**
 * Runs `fn` on the element with the in-page helper. The helper is installed in every document of the
 * page's browser context as an init script, and evaluated into the current one (both like axe in
 * fixtures.ts, so the page's strict CSP has nothing to block).
 */
async function inPageCall<T, A>(
  locator: Locator,
  fn: (el: Element, arg: A) => T,
  arg: A,
): Promise<Awaited<T>> {
  const page = locator.page();
  const context = page.context();
  if (!installedIn.has(context)) {
    installedIn.add(context);
    await context.addInitScript(inPage);
  }
  try {
    return (await locator.evaluate(fn as never, arg, { timeout })) as Awaited<T>;
  } catch (error) {
    if (await page.evaluate('!!window.copseKeyboard')) throw error;
    await page.evaluate(inPage);
    return (await locator.evaluate(fn as never, arg, { timeout })) as Awaited<T>;
  }
}

/**
 * Moves focus to `locator` with Tab or Shift+Tab (the element itself, an element inside it, or for a
 * radio or a tab the one of its group that Tab reaches) and checks that it is there.
 */
export async function tabTo(locator: Locator): Promise<void> {
  const page = locator.page();
  const deadline = Date.now() + timeout;
  let presses = 0;
  while (true) {
    const plan = await inPageCall(
      locator,
      (el) => (window as unknown as KeyboardWindow).copseKeyboard.plan(el),
      null,
    );
    if ('reached' in plan) return;
    if ('missing' in plan) {
      if (Date.now() > deadline) throw new Error(`keyboard: cannot Tab to the element: ${plan.missing}`);
      await page.waitForTimeout(100);
      continue;
    }
    presses += plan.steps;
    if (presses > 400 || Date.now() > deadline) {
      throw new Error(`keyboard: Tab did not reach the element after ${presses} presses (${plan.key})`);
    }
    for (let i = 0; i < plan.steps; i++) await page.keyboard.press(plan.key);
  }
}

/** The kind of control `locator` is: button, link, checkbox (and switch), radio, tab, menuitem, option, select, textbox… */
function kindOf(locator: Locator): Promise<string> {
  return inPageCall(locator, (el) => (window as unknown as KeyboardWindow).copseKeyboard.kind(el), null);
}

/** Whether focus is on `locator` (or inside it). */
function focused(locator: Locator): Promise<boolean> {
  return inPageCall(
    locator,
    (el) => {
      const at = (window as unknown as KeyboardWindow).copseKeyboard.active();
      return !!at && (at === el || el.contains(at));
    },
    null,
  );
}

/** Presses `key` (ArrowDown by default) until focus is on `locator`, at most `limit` times. */
async function arrowTo(
  locator: Locator,
  keys: { next: string; previous: string },
  limit = 40,
): Promise<void> {
  const page = locator.page();
  for (let i = 0; i < limit; i++) {
    const where = await inPageCall(
      locator,
      (el) => {
        const at = (window as unknown as KeyboardWindow).copseKeyboard.active();
        if (at === el) return 0;
        const group = (window as unknown as KeyboardWindow).copseKeyboard.groupOf(el);
        const from = at ? group.indexOf(at) : -1;
        const to = group.indexOf(el);
        return from === -1 || to === -1 ? 1 : to - from;
      },
      null,
    );
    if (where === 0) return;
    await page.keyboard.press(where > 0 ? keys.next : keys.previous);
  }
  throw new Error('keyboard: the arrow keys did not reach the element');
}

/**
 * Acts on `locator` the way a keyboard user does: Tab to it, then Enter (links, buttons), Space
 * (checkboxes, switches); arrow keys within a radio group or a tab list; arrow keys to a menu item or a
 * combobox option (in an open menu or listbox) and Enter; a text field or combobox is focused (and a
 * combobox opened with ArrowDown).
 */
export async function activate(locator: Locator): Promise<void> {
  const page = locator.page();
  const kind = await kindOf(locator);
  switch (kind) {
    case 'menuitem': {
      const deadline = Date.now() + timeout;
      while (!(await focused(locator))) {
        if (Date.now() > deadline) throw new Error('keyboard: ArrowDown did not reach the menu item');
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      return;
    }
    case 'option': {
      // An option of a native select: choose it on the select.
      const label = await inPageCall(
        locator,
        (el) => (el.closest('select') ? (el as HTMLOptionElement).label : null),
        null,
      );
      if (label !== null) {
        await selectOption(locator.locator('xpath=ancestor::select[1]'), { label });
        return;
      }
      // A combobox keeps focus and points at the option with aria-activedescendant; ArrowDown opens its
      // list and moves through the options.
      await expect(locator).toBeVisible();
      const deadline = Date.now() + timeout;
      while (true) {
        const state = await inPageCall(
          locator,
          (el) => {
            const at = (window as unknown as KeyboardWindow).copseKeyboard.active();
            if (at === el) return 'focused';
            if (at && el.id && at.getAttribute('aria-activedescendant') === el.id) return 'active';
            return 'elsewhere';
          },
          null,
        );
        if (state !== 'elsewhere') break;
        if (Date.now() > deadline) throw new Error('keyboard: ArrowDown did not reach the option');
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      return;
    }
    case 'radio':
      await tabTo(locator);
      await arrowTo(locator, { next: 'ArrowDown', previous: 'ArrowUp' });
      if (
        !(await inPageCall(
          locator,
          (el) => (window as unknown as KeyboardWindow).copseKeyboard.checked(el),
          null,
        ))
      )
        await page.keyboard.press('Space');
      return;
    case 'tab': {
      await tabTo(locator);
      const vertical = await inPageCall(
        locator,
        (el) => el.closest('[role=tablist]')?.getAttribute('aria-orientation') === 'vertical',
        null,
      );
      await arrowTo(
        locator,
        vertical ? { next: 'ArrowDown', previous: 'ArrowUp' } : { next: 'ArrowRight', previous: 'ArrowLeft' },
      );
      await page.keyboard.press('Enter');
      return;
    }
    case 'checkbox':
      await tabTo(locator);
      await page.keyboard.press('Space');
      return;
    case 'textbox':
    case 'searchbox':
    case 'select':
      await tabTo(locator);
      return;
    case 'combobox':
      // A Mantine Select or Autocomplete: focus it and open its list, as a click does.
      await tabTo(locator);
      await page.keyboard.press('ArrowDown');
      return;
    default:
      await tabTo(locator);
      await page.keyboard.press('Enter');
  }
}

async function setChecked(locator: Locator, wanted: boolean): Promise<void> {
  const isChecked = () =>
    inPageCall(locator, (el) => (window as unknown as KeyboardWindow).copseKeyboard.checked(el), null);
  if ((await isChecked()) !== wanted) await activate(locator);
  await expect
    .poll(isChecked, { message: `keyboard: the control is ${wanted ? 'checked' : 'unchecked'}` })
    .toBe(wanted);
}

/** Checks a checkbox, switch or radio by keyboard (Space, or arrow keys in a radio group). */
export function check(locator: Locator): Promise<void> {
  return setChecked(locator, true);
}

/** Unchecks a checkbox or switch by keyboard (Space). */
export function uncheck(locator: Locator): Promise<void> {
  return setChecked(locator, false);
}

/** Tabs to a text field (or combobox) and types `text` into it, replacing what it held. */
export async function typeInto(locator: Locator, text: string): Promise<void> {
  await tabTo(locator);
  await locator.fill(text);
}

/** Tabs to `locator` and presses `key` there. */
export async function pressOn(locator: Locator, key: string): Promise<void> {
  await tabTo(locator);
  await locator.page().keyboard.press(key);
}

type OptionWanted = string | { label?: string; value?: string } | RegExp;

/**
 * Chooses an option of a native <select> by keyboard: Tab to it and type the start of the option's
 * label (the shortest no other option shares), then, if that did not select it, ArrowDown or ArrowUp
 * (which change a closed select's value in Chromium) until the wanted option (by value or label) is.
 */
export async function selectOption(locator: Locator, wanted: OptionWanted): Promise<void> {
  await tabTo(locator);
  const page = locator.page();
  const spec =
    typeof wanted === 'string'
      ? { either: wanted }
      : wanted instanceof RegExp
        ? { pattern: wanted.source, flags: wanted.flags }
        : wanted;
  for (let i = 0; i < 200; i++) {
    const move = await inPageCall(
      locator,
      (el, want: { either?: string; label?: string; value?: string; pattern?: string; flags?: string }) => {
        const select = el as HTMLSelectElement;
        const options = [...select.options];
        const matches = (o: HTMLOptionElement) => {
          const label = o.label || o.textContent?.trim() || '';
          if (want.pattern !== undefined) return new RegExp(want.pattern, want.flags).test(label);
          if (want.either !== undefined) return o.value === want.either || label === want.either;
          if (want.value !== undefined && o.value !== want.value) return false;
          if (want.label !== undefined && label !== want.label) return false;
          return true;
        };
        const target = options.findIndex(matches);
        if (target === -1)
          return { error: `no option ${JSON.stringify(want)} in ${select.name || select.id}` };
        // The shortest start of the wanted label no other option's label starts with: typing it selects
        // the option at once, without passing the ones between (each a change the page may act on).
        const labels = options.map((o) => (o.label || o.textContent?.trim() || '').toLowerCase());
        const label = labels[target] ?? '';
        let prefix = '';
        for (let k = 1; k <= label.length; k++) {
          const start = label.slice(0, k);
          if (labels.every((other, i) => i === target || !other.startsWith(start))) {
            prefix = start;
            break;
          }
        }
        return { diff: target - select.selectedIndex, prefix };
      },
      spec,
    );
    if ('error' in move) throw new Error(`keyboard: ${move.error}`);
    if (move.diff === 0) return;
    if (i === 0 && move.prefix && !move.prefix.startsWith(' ')) {
      await page.keyboard.type(move.prefix);
      continue;
    }
    await page.keyboard.press(move.diff > 0 ? 'ArrowDown' : 'ArrowUp');
  }
  throw new Error('keyboard: the arrow keys did not select the option');
}
