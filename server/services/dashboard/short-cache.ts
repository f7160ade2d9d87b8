/**
 * The portfolio's figures kept for a short while in this process (#17 Benchmark): every coordinator
 * opening the portfolio within `ttlMs` shares one computation, and requests arriving while it runs wait
 * for that same promise instead of starting their own. The portfolio reads last night's participation,
 * so a minute-old list loses nothing a coordinator acts on.
 */
const caches = new WeakMap<object, Map<string, { until: number; value: Promise<unknown> }>>();

/** The value for `key` in the database `owner` (one cache per database, so tests never share one). */
export function shortCached<T>(
  owner: object,
  key: string,
  ttlMs: number,
  compute: () => Promise<T>,
): Promise<T> {
  const entries = caches.get(owner) ?? new Map<string, { until: number; value: Promise<unknown> }>();
  caches.set(owner, entries);
  const now = Date.now();
  const found = entries.get(key);
  if (found && found.until > now) return found.value as Promise<T>;
  const value = compute();
  entries.set(key, { until: now + ttlMs, value });
  // A failure is not kept: the next request tries again.
  value.catch(() => entries.delete(key));
  for (const [other, entry] of entries) if (entry.until <= now) entries.delete(other);
  return value;
}
