/**
 * Values computed once and kept in this process by a key that names exactly what they were computed
 * from (ids with their versions), so every process computes the same key and nothing needs
 * invalidating: a changed input makes a new key, and the old entry ages out. Least recently used first
 * past `limit` entries.
 */
export function keyedCache(limit: number): <T>(key: string, compute: () => Promise<T>) => Promise<T> {
  const entries = new Map<string, unknown>();
  return async <T>(key: string, compute: () => Promise<T>): Promise<T> => {
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
  };
}
