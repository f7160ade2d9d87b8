import { describe, expect, it } from 'vitest';
import { dateInputExample, dateTimeInputExample } from './dates.ts';

describe('dateTimeInputExample', () => {
  // What Chromium's datetime-local picker shows for 2026-12-28T15:00 in each locale.
  it.each([
    ['en-US', '12/28/2026, 03:00 PM'],
    ['en-GB', '28/12/2026, 15:00'],
    ['nl-NL', '28-12-2026, 15:00'],
    ['it-IT', '28/12/2026, 15:00'],
    ['de-DE', '28.12.2026, 15:00'],
  ])('writes the example as the picker shows it in %s', (locale, shown) => {
    expect(dateTimeInputExample(locale)).toBe(shown);
  });

  it('uses plain spaces, not the narrow no-break space Intl puts before PM', () => {
    expect(dateTimeInputExample('en-US')).not.toMatch(/[\u202f\u00a0]/);
  });

  it('follows the default locale when none is named, never the ISO form the API takes', () => {
    const example = dateTimeInputExample();
    expect(example).toBe(dateTimeInputExample(Intl.DateTimeFormat().resolvedOptions().locale));
    expect(example).not.toContain('T15:00');
  });
});

describe('dateInputExample', () => {
  it.each([
    ['en-US', '12/28/2026'],
    ['en-GB', '28/12/2026'],
    ['nl-NL', '28-12-2026'],
    ['it-IT', '28/12/2026'],
  ])('writes the example day as the picker shows it in %s', (locale, shown) => {
    expect(dateInputExample(locale)).toBe(shown);
  });
});
