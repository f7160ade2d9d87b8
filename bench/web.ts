// `npm run bench:web`: Lighthouse (mobile preset, its default simulated throttling: a mid-range phone on
// a slow 4G link) on a demo install, five pages, three runs each, the median of each figure; writes
// bench/RESULTS-web.md and prints it.
//
// The demo is seeded once into WEB_BENCH_DATA_DIR (default /tmp/copse-bench-web; delete it to reseed),
// served by `node server/main.ts` on WEB_BENCH_PORT (default 3290) from the build in dist/web (built
// first when older than its sources). Every page is opened signed in as the demo member, as a phone
// user of the platform would be. Chromium: CHROMIUM_PATH or Debian's /usr/bin/chromium.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import lighthouse from 'lighthouse';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = process.env.WEB_BENCH_DATA_DIR ?? path.join(tmpdir(), 'copse-bench-web');
const port = Number(process.env.WEB_BENCH_PORT ?? 3290);
const origin = `http://localhost:${port}`;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runs = Number(process.env.WEB_BENCH_RUNS ?? 3);
const resultsFile = path.join(root, 'bench/RESULTS-web.md');
const node = process.execPath;

/** What one Lighthouse run gave for a page. */
interface Figures {
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  speedIndex: number;
  /** Compressed bytes of JavaScript downloaded by the page load. */
  scriptBytes: number;
  /** Compressed bytes of everything downloaded. */
  totalBytes: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function waitFor(url: string, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await delay(250);
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

function startServer(): ChildProcess {
  const server = spawn(node, ['server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: origin,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return server;
}

function startChromium(profile: string): ChildProcess {
  return spawn(
    chromium,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-default-apps',
      '--disable-extensions',
      '--disable-sync',
      '--no-first-run',
      '--mute-audio',
      // Chromium picks a free port and writes it into the profile (DevToolsActivePort).
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
}

async function signIn(): Promise<string> {
  const answer = await fetch(`${origin}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'member@copse.test', password: 'copse-demo-password' }),
  });
  if (!answer.ok) throw new Error(`Signing in as the demo member answered ${answer.status}`);
  const cookie = answer.headers.getSetCookie().map((header) => header.split(';')[0]);
  return cookie.join('; ');
}

async function getJson<T>(pathname: string, cookie: string): Promise<T> {
  const answer = await fetch(`${origin}/api${pathname}`, { headers: { cookie } });
  if (!answer.ok) throw new Error(`GET /api${pathname} answered ${answer.status}`);
  return (await answer.json()) as T;
}

/** The five pages: the directory, a community, the signed-in home, a thread and a search. */
async function pages(cookie: string): Promise<{ name: string; path: string }[]> {
  const communities = await getJson<{ data: { slug: string }[] }>('/communities', cookie);
  // The first community that has a thread: its home and that thread are measured.
  let slug: string | undefined;
  let thread: string | undefined;
  for (const community of communities.data) {
    const threads = await getJson<{ data: { id: string }[] }>(
      `/communities/${community.slug}/threads`,
      cookie,
    );
    thread = threads.data[0]?.id;
    slug = community.slug;
    if (thread) break;
  }
  if (!slug || !thread) throw new Error('The demo has no community with a thread.');
  return [
    { name: 'directory', path: '/communities' },
    { name: 'community', path: `/communities/${slug}` },
    { name: 'home (signed in)', path: '/' },
    { name: 'thread', path: `/discussions/${thread}` },
    { name: 'search', path: '/search?q=feedback' },
  ];
}

interface LighthouseAudit {
  numericValue?: number;
  details?: { items?: { resourceType?: string; transferSize?: number }[] };
}

/** The DevTools port Chromium chose, from its profile folder. */
async function devtoolsPort(profile: string): Promise<number> {
  const file = path.join(profile, 'DevToolsActivePort');
  for (let tries = 0; tries < 120; tries += 1) {
    if (existsSync(file)) {
      const port = Number(readFileSync(file, 'utf8').split('\n')[0]);
      if (port > 0) return port;
    }
    await delay(250);
  }
  throw new Error('Chromium did not open its DevTools port within 30 s');
}

async function measure(url: string, cookie: string, debuggingPort: number): Promise<Figures> {
  const result = await lighthouse(url, {
    port: debuggingPort,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    extraHeaders: { Cookie: cookie },
  });
  if (!result) throw new Error(`Lighthouse gave nothing for ${url}`);
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
  const value = (id: string) => (audits[id] as LighthouseAudit | undefined)?.numericValue ?? Number.NaN;
  const summary = (audits['resource-summary'] as LighthouseAudit | undefined)?.details?.items ?? [];
  const bytes = (type: string) => summary.find((item) => item.resourceType === type)?.transferSize ?? 0;
  return {
    performance: Math.round((categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    speedIndex: value('speed-index'),
    scriptBytes: bytes('script'),
    totalBytes: bytes('total'),
  };
}

function report(rows: { name: string; path: string; runs: Figures[] }[], info: string[]): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const lines = [
    '# Web app on a phone: Lighthouse (`npm run bench:web`)',
    '',
    ...info,
    '',
    `Median of ${runs} runs per page. Targets (issue #13 §4): performance ≥ 90, accessibility 100, LCP < 2.5 s, TBT < 200 ms, CLS < 0.1.`,
    '',
    '| page | performance | accessibility | FCP | LCP | TBT | CLS | Speed Index | JS transferred | all transferred | performance per run |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((row) => {
      const m = (key: keyof Figures) => median(row.runs.map((run) => run[key]));
      return `| ${row.name} (\`${row.path}\`) | ${m('performance')} | ${m('accessibility')} | ${seconds(m('fcp'))} | ${seconds(m('lcp'))} | ${m('tbt').toFixed(0)} ms | ${m('cls').toFixed(3)} | ${seconds(m('speedIndex'))} | ${kb(m('scriptBytes'))} | ${kb(m('totalBytes'))} | ${row.runs.map((run) => run.performance).join(', ')} |`;
    }),
    '',
  ];
  return lines.join('\n');
}

execFileSync(node, ['scripts/build-web.ts'], { cwd: root, stdio: 'inherit' });
if (!existsSync(path.join(dataDir, '.bench-web-seeded'))) {
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`Seeding the demo into ${dataDir}…`);
  execFileSync(node, ['seed/demo.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: 'inherit',
  });
  writeFileSync(path.join(dataDir, '.bench-web-seeded'), new Date().toISOString());
}

const profile = mkdtempSync(path.join(tmpdir(), 'copse-bench-web-chromium-'));
const server = startServer();
let browser: ChildProcess | undefined;
try {
  await waitFor(`${origin}/api/health`, 60);
  browser = startChromium(profile);
  const debuggingPort = await devtoolsPort(profile);
  const cookie = await signIn();
  const rows: { name: string; path: string; runs: Figures[] }[] = [];
  for (const page of await pages(cookie)) {
    const results: Figures[] = [];
    // A first, unmeasured load warms the server's caches as a visitor before the phone would.
    await fetch(`${origin}${page.path}`, { headers: { cookie } });
    for (let run = 0; run < runs; run += 1) {
      const figures = await measure(`${origin}${page.path}`, cookie, debuggingPort);
      console.log(
        `${page.name} run ${run + 1}: performance ${figures.performance}, LCP ${figures.lcp.toFixed(0)} ms, TBT ${figures.tbt.toFixed(0)} ms, CLS ${figures.cls.toFixed(3)}`,
      );
      results.push(figures);
    }
    rows.push({ ...page, runs: results });
  }
  const lighthouseVersion = (
    JSON.parse(readFileSync(path.join(root, 'node_modules/lighthouse/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const chromiumVersion = execFileSync(chromium, ['--version'], { encoding: 'utf8' }).trim();
  const text = report(rows, [
    `Measured ${new Date().toISOString()} on the demo (\`npm run seed:demo\`, PGlite), Lighthouse ${lighthouseVersion}, mobile preset with simulated throttling, ${chromiumVersion}, headless; load average ${loadavg()[0]?.toFixed(2)} at the end on ${process.env.HOSTNAME ?? 'this machine'} (2 cores, shared).`,
  ]);
  writeFileSync(resultsFile, text);
  console.log(`\n${text}`);
} finally {
  browser?.kill();
  server.kill('SIGTERM');
  await delay(500);
  rmSync(profile, { recursive: true, force: true });
}
