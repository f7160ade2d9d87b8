import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  luminance,
  type MantineColorsTuple,
} from '@mantine/core';
import { i18n } from './i18n/i18n.ts';

/** A calm forest green; shade 7 (filled buttons, links) keeps 5.5:1 against white. */
const forest: MantineColorsTuple = [
  '#eef7f1',
  '#d9ede1',
  '#b3dbc4',
  '#8ac8a5',
  '#67b78b',
  '#4fa97a',
  '#3f8f66',
  '#2f7654',
  '#215e43',
  '#134632',
];

/** Mantine's red, one step darker, so filled buttons and error text pass WCAG AA contrast. */
const red: MantineColorsTuple = [
  '#fff5f5',
  '#ffe3e3',
  '#ffc9c9',
  '#ffa8a8',
  '#ff8787',
  '#fa5252',
  '#e03131',
  '#c92a2a',
  '#a61e1e',
  '#861616',
];

/** A dark amber for "waiting" states: Mantine's yellow text fails contrast on its own light background. */
const amber: MantineColorsTuple = [
  '#fff8e6',
  '#ffefc2',
  '#ffe08a',
  '#ffd050',
  '#f5bb1f',
  '#d99a00',
  '#b07c00',
  '#8a5a00',
  '#6e4700',
  '#523500',
];

export const theme = createTheme({
  primaryColor: 'forest',
  primaryShade: 7,
  colors: { forest, red, amber },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: {
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.25' },
      h2: { fontSize: '1.3rem', lineHeight: '1.3' },
      h3: { fontSize: '1.1rem', lineHeight: '1.35' },
    },
  },
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { fw: 600 } },
    // Links inside text are underlined, so they never rely on colour alone.
    Anchor: { defaultProps: { underline: 'always' } },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    // A table that scrolls in its own area (wide on a phone, long in a chart's day table) can be scrolled
    // by keyboard: its viewport takes focus (WCAG 2.1.1; axe's scrollable-region-focusable).
    // Default props as functions: Mantine calls them as each component renders, so their names are in
    // the language shown then (not the one active when this module loaded).
    Modal: { defaultProps: () => ({ closeButtonProps: { 'aria-label': i18n._('common.action.close') } }) },
    Drawer: { defaultProps: () => ({ closeButtonProps: { 'aria-label': i18n._('common.action.close') } }) },
    // The show-password toggle is reachable by keyboard; aria-pressed tells whether the password shows.
    PasswordInput: {
      defaultProps: () => ({
        visibilityToggleButtonProps: { 'aria-label': i18n._('layout.password.show'), tabIndex: 0 },
      }),
    },
  },
});

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/**
 * The text of a `light` variant (badges, light buttons): Mantine writes shade 9 on shade 1, which
 * fails 4.5:1 for teal, green, lime, yellow and orange (teal #087f5b on #c3fae8 is 4.32:1). This
 * darkens shade 9 until it passes, so every colour's light variant can be used for text.
 */
export function lightVariantText(colors: readonly string[]): string {
  const [, background = '#ffffff'] = colors;
  let text = colors[9] ?? '#000000';
  for (let step = 0; step < 10 && contrastRatio(text, background) < 4.6; step++) text = darken(text, 0.08);
  return text;
}

/**
 * Darker dimmed, error and placeholder text than Mantine's defaults, and light-variant text that keeps
 * 4.5:1 on its background for every colour, for WCAG AA contrast.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#555d66',
    '--mantine-color-error': '#b02525',
    '--mantine-color-placeholder': '#6b737b',
    ...Object.fromEntries(
      Object.entries(resolved.colors).map(([name, colors]) => [
        `--mantine-color-${name}-light-color`,
        lightVariantText(colors),
      ]),
    ),
  },
  dark: {},
});
