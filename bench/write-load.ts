import { answerInChildProcess, inChildProcess, type LoadResult } from './load.ts';

/**
 * A write measured as many people make it at once: one connection per person (each with their own
 * session cookie), each sending its next request as soon as the last is answered, for `seconds`. Runs in
 * a child process, like ./load.ts, so the generator does not share the measured server's event loop.
 * autocannon cannot give each connection its own cookie (its per-connection context is reset on every
 * loop over the requests), so this is a loop of its own over fetch's keep-alive pool.
 */
export interface WriteLoadOptions {
  origin: string;
  method: 'PUT' | 'POST';
  path: string;
  /** One session cookie per connection. */
  cookies: string[];
  /** The JSON bodies each connection sends in turn (so a member changes their answer each time). */
  bodies: string[];
  seconds: number;
}

export function runWriteLoad(options: WriteLoadOptions): Promise<LoadResult> {
  return inChildProcess(import.meta.url, childFlag, options);
}

const childFlag = '--copse-bench-write-load';

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

async function measure(options: WriteLoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  const ends = performance.now() + options.seconds * 1000;
  const started = performance.now();
  const url = `${options.origin}${options.path}`;
  await Promise.all(
    options.cookies.map(async (cookie, connection) => {
      for (let turn = connection; performance.now() < ends; turn++) {
        const sent = performance.now();
        try {
          const response = await fetch(url, {
            method: options.method,
            headers: { cookie, 'content-type': 'application/json' },
            body: options.bodies[turn % options.bodies.length] ?? '{}',
          });
          await response.arrayBuffer();
          latencies.push(performance.now() - sent);
          statusCodes[response.status] = (statusCodes[response.status] ?? 0) + 1;
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const non2xx = Object.entries(statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    requests: latencies.length,
    requestsPerSecond: latencies.length / seconds,
    p50Ms: Math.round(percentile(latencies, 0.5)),
    p99Ms: Math.round(percentile(latencies, 0.99)),
    non2xx,
    errors,
    timeouts: 0,
    statusCodes,
  };
}

answerInChildProcess(childFlag, measure);
