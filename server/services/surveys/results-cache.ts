/**
 * The counts and texts behind check-in results, kept in memory by what they were computed from: the
 * rounds' ids with their `answersVersion` (raised by every named response) and the search. The key
 * changes exactly when the answers do, so every process agrees and nothing needs invalidating (as the
 * calendar feeds' files, keyed by their hash). A results page with 5,000 responses then costs its small
 * lookups, not an aggregation of 35,000 answers, until someone answers.
 */
const limit = 200;
const entries = new Map<string, unknown>();

/** The value for `key`, computed by `compute` the first time (least recently used dropped past 200). */
export async function cachedResult<T>(key: string, compute: () => Promise<T>): Promise<T> {
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
