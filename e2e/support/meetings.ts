import { type APIRequestContext, expect, type Page } from '@playwright/test';

/**
 * Wall-clock "YYYY-MM-DDTHH:MM" in the browser's own zone, `minutes` from now: what a person types in
 * a datetime-local input (the schedule form starts on the browser's zone for people who kept UTC).
 */
export function browserLocalTime(page: Page, minutes: number): Promise<string> {
  return page.evaluate((offset) => {
    const date = new Date(Date.now() + offset * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }, minutes);
}

/** The date ("YYYY-MM-DD") of the `n`th weekday (0 = Sunday) of the month `monthsAhead` from now. */
export function nthWeekdayOfMonth(monthsAhead: number, n: number, weekday: number): string {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthsAhead, 1));
  const shift = (weekday - first.getUTCDay() + 7) % 7;
  const date = new Date(first.getTime() + (shift + (n - 1) * 7) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

export interface MeetingBody {
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  capacity?: number | null;
  rrule?: string | null;
  room?: string;
  onlineUrl?: string;
}

/** Schedules a meeting through the API (for journeys whose subject is something else); returns its id. */
export async function scheduleMeeting(
  request: APIRequestContext,
  slug: string,
  body: MeetingBody,
): Promise<string> {
  const response = await request.post(`/api/communities/${slug}/meetings`, { data: body });
  expect(response.status(), await response.text()).toBe(201);
  const { data } = (await response.json()) as { data: { id: string } };
  return data.id;
}

/** A UTC wall-clock time `days` from now at `time` ("15:00"), for meetings scheduled in UTC. */
export function utcDayAt(days: number, time: string): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.toISOString().slice(0, 10)}T${time}`;
}

/** The page fits its viewport's width: nothing makes a phone reader scroll sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}
