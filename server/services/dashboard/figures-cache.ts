import { keyedCache } from '../../lib/keyed-cache.ts';

/**
 * A community dashboard's figures kept in memory by what they were computed from (as the value matrix,
 * stories/figures-cache.ts): the community, the range, whether the full or the summary view, and the
 * community's dashboard version (`findDashboardVersion`: its newest event, last rolled-up day and
 * member count) with the five minutes it is in. Leaders and coordinators opening the same dashboard
 * share one computation until something it counts changes (#17 Benchmark).
 */
export const cachedDashboardFigures = keyedCache(500);

/** The five-minute window a moment falls in: the longest a change without an event goes unseen. */
export const fiveMinutesOf = (now: Date) => Math.floor(now.getTime() / 300_000);
