import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

/**
 * Runs autocannon in a child process, so the load generator does not share the event loop of the servers
 * it measures (both run in the bench process). Not a worker thread: autocannon inside a worker thread
 * skips aggregating its results, taking itself for one of its own workers.
 */

export interface LoadOptions {
  /** http://host:port of the server. */
  origin: string;
  /** Request paths; the connections rotate over them, one after another. */
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Status codes seen, e.g. { "200": 51234 }. */
  statusCodes: Record<string, number>;
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return inChildProcess(import.meta.url, childFlag, options);
}

/**
 * Runs a load generator module (`moduleUrl`, started with `flag`) in a child process with `options`,
 * answering the result it sends back (see the end of this file for the child's side).
 */
export function inChildProcess(moduleUrl: string, flag: string, options: object): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(moduleUrl), [flag], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: LoadResult | undefined;
    child.once('message', (message: LoadResult) => {
      result = message;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (result && code === 0) resolve(result);
      else reject(new Error(`the load generator exited with code ${code}`));
    });
    child.send(options);
  });
}

/** The child's side: measures with the options the parent sends, and sends the result back. */
export function answerInChildProcess<Options>(
  flag: string,
  measure: (options: Options) => Promise<LoadResult>,
) {
  if (process.argv[2] !== flag) return;
  process.once('message', (options: Options) => {
    measure(options).then(
      (result) => process.send?.(result, () => process.disconnect()),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

const childFlag = '--copse-bench-load';

async function measure(options: LoadOptions): Promise<LoadResult> {
  const [first = '/'] = options.paths;
  let next = 0;
  const result = await autocannon({
    url: `${options.origin}${first}`,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const path = options.paths[next % options.paths.length] ?? first;
          next++;
          return { ...request, path };
        },
      },
    ],
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = stats.count ?? 0;
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

answerInChildProcess(childFlag, measure);
