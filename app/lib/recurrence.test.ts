import { compileMessage } from '@lingui/message-utils/compileMessage';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../common/i18n/catalogs/en.ts';
import { readCatalog } from '../../common/i18n/catalogs/read-catalogs.ts';
import { i18n } from '../i18n/i18n.ts';
import { buildRrule, nthWeekdayOf, repeatChoices, repeatLabel } from './recurrence.ts';

// The texts are checked in English (the web app compiles its catalogs at build time; here at run time).
beforeAll(() => {
  i18n.setMessagesCompiler(compileMessage);
  i18n.loadAndActivate({ locale: 'en', messages: en });
});

describe('nthWeekdayOf', () => {
  it('finds the first Tuesday of a month', () => {
    expect(nthWeekdayOf('2026-12-01T15:00')).toMatchObject({ n: 1, weekday: 'TU', last: false });
  });

  it('knows the last weekday of a month', () => {
    expect(nthWeekdayOf('2026-12-29')).toMatchObject({ n: 5, weekday: 'TU', last: true });
    expect(nthWeekdayOf('2026-12-24')).toMatchObject({ n: 4, weekday: 'TH', last: false });
    expect(nthWeekdayOf('2026-12-31')).toMatchObject({ n: 5, weekday: 'TH', last: true });
  });

  it('refuses a date that does not exist', () => {
    expect(nthWeekdayOf('2026-02-30')).toBeNull();
  });
});

describe('buildRrule', () => {
  const base = { startsAt: '2026-12-01T15:00', timeZone: 'Europe/Paris' };

  it('gives nothing for a one-off meeting', () => {
    expect(buildRrule({ ...base, repeat: 'none', end: { kind: 'count', count: 6 } })).toBeNull();
  });

  it('repeats monthly on the nth weekday of the start', () => {
    expect(buildRrule({ ...base, repeat: 'monthly', end: { kind: 'count', count: 6 } })).toBe(
      'FREQ=MONTHLY;BYDAY=1TU;COUNT=6',
    );
  });

  it('repeats on the last weekday', () => {
    expect(
      buildRrule({
        ...base,
        startsAt: '2026-12-29T15:00',
        repeat: 'monthly_last',
        end: { kind: 'count', count: 3 },
      }),
    ).toBe('FREQ=MONTHLY;BYDAY=-1TU;COUNT=3');
  });

  it('repeats every two weeks until the end of a local day, in UTC', () => {
    expect(buildRrule({ ...base, repeat: 'biweekly', end: { kind: 'until', date: '2027-06-01' } })).toBe(
      'FREQ=WEEKLY;INTERVAL=2;UNTIL=20270601T215959Z',
    );
    expect(
      buildRrule({ ...base, timeZone: 'UTC', repeat: 'weekly', end: { kind: 'until', date: '2027-01-31' } }),
    ).toBe('FREQ=WEEKLY;UNTIL=20270131T235959Z');
  });
});

describe('repeat choices', () => {
  it('offers "last" only on the last such weekday', () => {
    expect(repeatChoices('2026-12-01T15:00')).not.toContain('monthly_last');
    expect(repeatChoices('2026-12-29T15:00')).toContain('monthly_last');
  });

  it('offers "last" instead of a fifth weekday most months lack', () => {
    expect(repeatChoices('2026-11-30T12:30')).toEqual(['none', 'weekly', 'biweekly', 'monthly_last']);
    expect(repeatChoices('2026-11-23T12:30')).toEqual(['none', 'weekly', 'biweekly', 'monthly']);
    expect(repeatChoices('2026-11-26T12:30')).toEqual([
      'none',
      'weekly',
      'biweekly',
      'monthly',
      'monthly_last',
    ]);
  });

  it('names the choice from the start', () => {
    expect(repeatLabel('monthly', '2026-12-01T15:00')).toBe('Monthly on the first Tuesday');
    expect(repeatLabel('monthly_last', '2026-12-29T15:00')).toBe('Monthly on the last Tuesday');
    expect(repeatLabel('biweekly', '2026-12-01T15:00')).toBe('Every two weeks on Tuesday');
  });

  it('names the choice in Dutch and Italian, the weekday from Intl and agreeing with it', () => {
    try {
      i18n.loadAndActivate({ locale: 'nl', messages: readCatalog('nl') });
      expect(repeatLabel('monthly', '2026-12-01T15:00')).toBe('Maandelijks op de eerste dinsdag');
      i18n.loadAndActivate({ locale: 'it', messages: readCatalog('it') });
      expect(repeatLabel('monthly', '2026-12-01T15:00')).toBe('Ogni mese il primo martedì');
      expect(repeatLabel('monthly', '2026-12-27T15:00')).toBe('Ogni mese la quarta domenica');
      expect(repeatLabel('monthly_last', '2026-12-27T15:00')).toBe('Ogni mese l’ultima domenica');
    } finally {
      i18n.loadAndActivate({ locale: 'en', messages: en });
    }
  });
});
