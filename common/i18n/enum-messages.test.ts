import { describe, expect, it } from 'vitest';
import * as enums from '../enums.ts';
import en from './catalogs/en.ts';

describe('enum labels', () => {
  it('have a message in the catalogs for every value', () => {
    const maps = Object.entries(enums).filter(([name]) => name.endsWith('Messages'));
    expect(maps.length).toBeGreaterThan(10);
    const missing = maps.flatMap(([name, map]) =>
      Object.values(map as Record<string, string>)
        .filter((id) => !Object.hasOwn(en, id))
        .map((id) => `${name}: ${id}`),
    );
    expect(missing).toEqual([]);
  });
});
