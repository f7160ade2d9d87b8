import { describe, expect, it } from 'vitest';
import {
  checkinFormSchema,
  firstOpening,
  sentNotice,
  todayInField,
  valuesFrom,
} from './checkin-form-values.ts';

const filled = () => ({
  ...valuesFrom(undefined, 'blank'),
  title: 'Start of term',
  questions: [{ kind: 'short_text' as const, prompt: 'What should we do?', options: '', required: true }],
});

describe('the check-in form: when the first round opens', () => {
  it('opens now when the day is left empty or is today, with the window counted from now', () => {
    for (const opensAt of ['', todayInField()]) {
      const before = Date.now();
      const body = checkinFormSchema.parse({ ...filled(), opensAt, openDays: '7' });
      expect(body.opensAt).toBeUndefined();
      const closes = new Date(body.closesAt).getTime();
      expect(closes).toBeGreaterThanOrEqual(before + 7 * 86_400_000);
      expect(closes).toBeLessThan(before + 7 * 86_400_000 + 60_000);
    }
  });

  it('opens at 8:00 local time on a later day and closes the window after that', () => {
    const body = checkinFormSchema.parse({ ...filled(), opensAt: '2099-03-02', openDays: '14' });
    const opens = new Date(body.opensAt ?? '');
    expect([opens.getFullYear(), opens.getMonth(), opens.getDate(), opens.getHours()]).toEqual([
      2099, 2, 2, 8,
    ]);
    expect(new Date(body.closesAt).getTime() - opens.getTime()).toBe(14 * 86_400_000);
  });

  it('sends a past day as it is (the server names the field) and ignores what is not a day', () => {
    expect(firstOpening('2001-01-01')?.getFullYear()).toBe(2001);
    expect(firstOpening('not a day')).toBeUndefined();
    expect(todayInField(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});

describe('the notice after sending a check-in', () => {
  it('says it was sent when the first round opens now', () => {
    const body = checkinFormSchema.parse({ ...filled(), opensAt: '', openDays: '7' });
    expect(sentNotice(body.opensAt)).toEqual({ id: 'checkins.new.sent' });
  });

  it('says when it opens when the first round opens on a later day', () => {
    const body = checkinFormSchema.parse({ ...filled(), opensAt: '2099-03-02', openDays: '7' });
    expect(sentNotice(body.opensAt)).toEqual({ id: 'checkins.new.scheduled', opensAt: body.opensAt });
    expect(new Date(body.opensAt ?? '').getFullYear()).toBe(2099);
  });
});
