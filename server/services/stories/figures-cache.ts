/**
 * The value-creation matrix's figures kept in memory by what they were computed from (as the check-in
 * results, surveys/results-cache.ts): the activity figures by community and the minute their window
 * ends, the story figures by the community's stories version. Every process computes the same key, so
 * nothing needs invalidating; a matrix costs its small lookups, not a count of a year's events, until
 * the minute turns or a story changes.
 */
const limit = 500;
const entries = new Map<string, unknown>();

/** The value for `key`, computed by `compute` the first time (least recently used dropped past 500). */
export async function cachedFigures<T>(key: string, compute: () => Promise<T>): Promise<T> {
  if (entries.has(key)) {
    const value = entries.get(key) as T;
    entries.delete(key);
    entries.set(key, value);
    return value;
  }
  const value = await compute();
  entries.set(key, value);
  if (entries.size > limit) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  return value;
}
