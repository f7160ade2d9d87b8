import { keyedCache } from '../../lib/keyed-cache.ts';

/**
 * The counts and texts behind check-in results, kept in memory by what they were computed from: the
 * rounds' ids with their `answersVersion` (raised by every named response) and the search. The key
 * changes exactly when the answers do, so every process agrees and nothing needs invalidating (as the
 * calendar feeds' files, keyed by their hash). A results page with 5,000 responses then costs its small
 * lookups, not an aggregation of 35,000 answers, until someone answers.
 */
export const cachedResult = keyedCache(200);
