import { keyedCache } from '../../lib/keyed-cache.ts';

/**
 * The value-creation matrix's figures kept in memory by what they were computed from (as the check-in
 * results, surveys/results-cache.ts): the activity figures by community and the minute their window
 * ends, the story figures by the community's stories version. Every process computes the same key, so
 * nothing needs invalidating; a matrix costs its small lookups, not a count of a year's events, until
 * the minute turns or a story changes.
 */
export const cachedFigures = keyedCache(500);
