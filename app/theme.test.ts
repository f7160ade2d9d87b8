import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, cssVariablesResolver, theme } from './theme.ts';

describe('theme contrast', () => {
  const resolved = mergeMantineTheme(DEFAULT_THEME, theme);
  const light = cssVariablesResolver(resolved).light;

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#087f5b', '#c3fae8')).toBeCloseTo(4.33, 2);
  });

  it('gives every colour light-variant text (badges) that keeps 4.5:1 on its background', () => {
    for (const [name, colors] of Object.entries(resolved.colors)) {
      const text = light[`--mantine-color-${name}-light-color`];
      expect(text, name).toBeDefined();
      // The light variant's background is shade 1 (and white around it).
      expect(contrastRatio(text ?? '', colors[1]), `${name}: ${text} on ${colors[1]}`).toBeGreaterThanOrEqual(
        4.5,
      );
      expect(contrastRatio(text ?? '', '#ffffff'), `${name} on white`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
