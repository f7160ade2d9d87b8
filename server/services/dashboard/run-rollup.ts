import type { Db } from '../../db/client.ts';
import { backfillActivity, findRollupBounds, rollUpDay } from '../../queries/dashboard-rollup.ts';
import { addDays, todayOf } from './range.ts';

/**
 * Most days one run rolls up: a first run over years of back-filled history stops there, and the job
 * runs again at once for the rest (server/jobs/worker.ts), so no run holds a job for long.
 */
export const rollupDaysPerRun = 800;

/**
 * The nightly `dashboard.rollup` job (#17 §1): the back-fill on its first run, then every day not yet
 * rolled up until yesterday (UTC), one transaction per day. `days` re-runs given days instead (each
 * replaces its rows). Answers the days rolled up.
 */
export async function runDashboardRollup(
  db: Db,
  now: Date = new Date(),
  options: { days?: readonly string[] } = {},
): Promise<string[]> {
  if (options.days) {
    for (const day of options.days) await rollUpDay(db, day);
    return [...options.days];
  }
  await backfillActivity(db);
  const { lastRolled, firstLogged } = await findRollupBounds(db);
  const yesterday = addDays(todayOf(now), -1);
  const start = lastRolled ? addDays(lastRolled, 1) : firstLogged;
  const days: string[] = [];
  for (let day = start; day && day <= yesterday && days.length < rollupDaysPerRun; day = addDays(day, 1)) {
    await rollUpDay(db, day);
    days.push(day);
  }
  return days;
}
