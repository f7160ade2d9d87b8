import { type DashboardQuery, dashboardLimits } from '../../../common/contracts/dashboard.ts';
import { fieldError } from '../../errors.ts';

/** A UTC day ('YYYY-MM-DD') moved by `days`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today's UTC day. */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export interface ResolvedRange {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  bucket: 'day' | 'week';
}

/**
 * The range asked for (the last 90 days by default), checked: it ends today at the latest and spans at
 * most a year; the previous period is as long and ends the day before it starts.
 */
export function resolveRange(query: DashboardQuery, today: string): ResolvedRange {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(dashboardLimits.rangeDaysDefault - 1));
  if (to > today) throw fieldError('to', 'dashboard.validation.future');
  if (from > to) throw fieldError('to', 'dashboard.validation.order');
  const length = daysBetween(from, to);
  if (length > dashboardLimits.rangeDaysMax) throw fieldError('from', 'dashboard.validation.tooLong');
  return {
    from,
    to,
    previousFrom: addDays(from, -length),
    previousTo: addDays(from, -1),
    bucket: length > dashboardLimits.dailyDaysMax ? 'week' : 'day',
  };
}
