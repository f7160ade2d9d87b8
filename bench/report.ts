import type { SeedDiscussionsResult } from '../seed/generate/discussions.ts';
import type { SeedMeetingsResult } from '../seed/generate/meetings.ts';
import type { SeedToolkitResult } from '../seed/generate/toolkit.ts';
import type { DatabaseKind } from '../server/db/client.ts';
import { communityFindings, knowledgeFindings, meetingFindings } from './findings.ts';
import { ciFindings } from './findings-ci.ts';
import { pagesFindings } from './findings-pages.ts';
import { pgliteFindings } from './findings-pglite.ts';
import { searchFindings } from './findings-search.ts';
import type { LoadResult } from './load.ts';
import { referenceScenario, type Scenario } from './scenarios.ts';
import type { CommunityShape } from './seed.ts';

export interface ScenarioOutcome {
  scenario: Scenario;
  load?: LoadResult;
  /** The machine's 1-minute load average at the end of the run: other work skews every figure. */
  loadAverage?: number;
  /** Why the scenario failed outright: a bad answer before the run, or errors during it. */
  failure?: string;
  /** Why the scenario was not measured (the route it needs is not there yet). */
  skipped?: string;
}

export interface RunInfo {
  date: Date;
  database: DatabaseKind;
  databaseVersion: string;
  nodeVersion: string;
  machine: string;
  people: number;
  units: number;
  communities: number;
  memberships: number;
  /** Communities the bench member belongs to. */
  memberOf: number;
  communityShape: CommunityShape;
  meetings: SeedMeetingsResult;
  discussions: SeedDiscussionsResult;
  toolkit: SeedToolkitResult;
  /** Of `seedSeconds`, the discussions and the Toolkit. */
  knowledgeSeedSeconds: number;
  /** How many threads, communities' thread lists and resources the knowledge scenarios rotate over. */
  threadPages: number;
  threadListSlugs: number;
  resourcePages: number;
  /** How many communities the community meetings scenario rotates over. */
  meetingSlugs: number;
  /** How many community home pages the home scenario rotates over. */
  homeSlugs: number;
  seedSeconds: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  poolSize: number;
  bareBodyBytes: number;
}

export type Verdict = 'pass' | 'MISSED' | 'FAILED' | 'n/a' | 'skipped' | '';

export interface Row {
  name: string;
  rps: string;
  p50: string;
  p99: string;
  ratio: string;
  /** Share of the reference row (one primary-key SELECT, no app) in the same run. */
  referenceRatio: string;
  errors: string;
  target: string;
  verdict: Verdict;
  loadAverage: string;
}

/** A scenario with errors fails; otherwise its target (if any, on this database) passes or is missed. */
export function judge(
  outcome: ScenarioOutcome,
  bare: LoadResult | undefined,
  database: DatabaseKind,
  reference?: LoadResult,
): Verdict {
  if (outcome.skipped) return 'skipped';
  if (outcome.failure || !outcome.load) return 'FAILED';
  const target = outcome.scenario.target;
  if (!target) return '';
  if (target.database && target.database !== database) return 'n/a';
  const { load } = outcome;
  if (target.maxP99Ms !== undefined && !(load.p99Ms < target.maxP99Ms)) return 'MISSED';
  if (target.minShareOfBare !== undefined) {
    if (!bare || load.requestsPerSecond < target.minShareOfBare * bare.requestsPerSecond) return 'MISSED';
  }
  if (target.minShareOfReference !== undefined) {
    if (!reference || load.requestsPerSecond < target.minShareOfReference * reference.requestsPerSecond) {
      return 'MISSED';
    }
  }
  return 'pass';
}

export function buildRows(outcomes: ScenarioOutcome[], database: DatabaseKind): Row[] {
  const bare = outcomes[0]?.load;
  const reference = outcomes.find((outcome) => outcome.scenario === referenceScenario)?.load;
  const share = (load: LoadResult | undefined, of: LoadResult | undefined) =>
    load && of ? `${Math.round((load.requestsPerSecond / of.requestsPerSecond) * 100)}%` : '—';
  return outcomes.map((outcome) => {
    const { load } = outcome;
    const problems = load ? problemsOf(outcome.scenario, load) : 0;
    return {
      name: outcome.scenario.name,
      rps: load ? Math.round(load.requestsPerSecond).toLocaleString('en-GB') : '—',
      p50: load ? String(load.p50Ms) : '—',
      p99: load ? String(load.p99Ms) : '—',
      ratio: share(load, bare),
      referenceRatio: share(load, reference),
      errors: outcome.skipped ?? outcome.failure ?? (load ? String(problems) : '—'),
      target: outcome.scenario.target?.label ?? '',
      verdict: judge(outcome, bare, database, reference),
      loadAverage: outcome.loadAverage === undefined ? '—' : outcome.loadAverage.toFixed(1),
    };
  });
}

/**
 * Answers that count as errors: anything but 2xx, or anything but 304 for a conditional scenario, and
 * connection errors.
 */
export function problemsOf(scenario: Scenario, load: LoadResult): number {
  if (!scenario.conditional) return load.non2xx + load.errors;
  return load.requests - (load.statusCodes['304'] ?? 0) + load.errors;
}

const headers = [
  'scenario',
  'req/s',
  'p50 ms',
  'p99 ms',
  'vs bare',
  'vs reference',
  'non-2xx + errors',
  'load avg',
  'target',
  'result',
];

function cells(row: Row): string[] {
  return [
    row.name,
    row.rps,
    row.p50,
    row.p99,
    row.ratio,
    row.referenceRatio,
    row.errors,
    row.loadAverage,
    row.target,
    row.verdict,
  ];
}

/** The table as plain aligned text, for the terminal. */
export function renderText(rows: Row[]): string {
  const table = [headers, ...rows.map(cells)];
  const widths = headers.map((_, column) => Math.max(...table.map((line) => (line[column] ?? '').length)));
  return table
    .map((line) => line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '))
    .join('\n');
}

const count = (value: number) => value.toLocaleString('en-GB');

function communityNotes(info: RunInfo): string[] {
  const shape = info.communityShape;
  return [
    '- Communities (seed/generate/communities.ts): names, purposes and topics on educational practice,',
    `  some councils; ${shape.publicShare}% public, ${shape.institutionShare}% institution-only, ${shape.privateShare}% private; mostly open to join,`,
    `  some moderated or by invitation; every stage, ${shape.archivedShare}% archived; 1–3 leaders, one charter version and`,
    `  one stage-history entry each. Heavy-tailed sizes: largest ${count(shape.largest)} members, median ${shape.median},`,
    `  smallest ${shape.smallest}. Members come by audience (staff, students, everyone), about half from the`,
    `  community's own unit, plus a few external guests. The bench member belongs to ${info.memberOf}: leads one,`,
    '  and one of the others is private, one among the largest.',
  ];
}

function meetingNotes(info: RunInfo): string[] {
  const m = info.meetings;
  const share = (part: number) => `${Math.round((100 * part) / Math.max(1, m.meetings))}%`;
  return [
    `- Meetings (seed/generate/meetings.ts): ${count(m.meetings)}, from six months ago to six months ahead, ${count(m.upcoming)}`,
    `  not yet ended; ${count(m.recurring)} (${share(m.recurring)}) are occurrences of ${count(m.series)} weekly, fortnightly or monthly`,
    `  series (bounded RRULEs, a few with a skipped date), the rest one-off meetings, workshops and`,
    `  conferences; ${share(m.cancelled)} cancelled, ${share(m.withCapacity)} with places. Busier stages and bigger communities meet`,
    '  more (by the square root of the size); every living community has a meeting ahead, archived ones',
    `  only past meetings. ${count(m.rsvps)} RSVPs from the communities' own members (going, maybe, not going;`,
    `  "going" past the places joins the wait list), ${count(m.attendance)} attendance records for two in five past meetings.`,
    '  The bench member answers about six in ten meetings of their communities and has a private feed.',
  ];
}

function knowledgeNotes(info: RunInfo): string[] {
  const d = info.discussions;
  const t = info.toolkit;
  const share = (part: number) => `${Math.round((100 * part) / Math.max(1, d.threads))}%`;
  return [
    `- Discussions (seed/generate/discussions.ts, set-based SQL): ${count(d.threads)} threads over the living communities (more in`,
    `  bigger ones), ${share(d.announcements)} announcements, ${share(d.questions)} questions (${count(d.answered)} with a helpful answer),`,
    `  ${count(d.pinned)} pinned, ${count(d.locked)} locked, a few deleted or hidden; ${count(d.replies)} replies, heavy-tailed`,
    `  (median ${d.medianReplies} a thread, ${count(d.longThreads)} threads with 50 or more, the longest ${count(d.maxReplies)}), every fifth one`,
    `  nested; ${count(d.reactions)} reactions, ${count(d.follows)} follows, ${count(d.reads)} read markers (the bench member's).`,
    '  Titles and bodies are sentences on educational practice with the community’s topics, and one',
    '  post in fifty has a rare sentence ("podcast", "escape room", "viva"). The bench member’s',
    '  communities each have four threads of 50–89 replies, threads they wrote, and most threads read.',
    `- Toolkit (seed/generate/toolkit.ts): ${count(t.resources)} resources of all ${t.kinds} kinds (${count(t.files)} with a file: a storage key,`,
    `  name, type and size, no bytes on disk; ${count(t.videos)} videos), ${count(t.featured)} featured, under ${count(t.topics)} topics and`,
    `  sub-topics, ${count(t.uses)} "I used this" records. Discussions and Toolkit seeded in ${info.knowledgeSeedSeconds.toFixed(1)} s of the total.`,
    `- Thread page: ${info.threadPages} threads of 50–150 replies the member may read (their own communities’`,
    '  first), the first page as the web app asks for it (the thread and 50 replies with their reactions);',
    '  every request also marks the thread read (an upsert).',
    `- Thread list: the first page (20) of ${info.threadListSlugs} communities’ threads, big and small, their own among them.`,
    '- Home: the member’s “what’s new” (five announcements, five active threads, five next meetings and',
    '  four featured resources of their communities).',
    `- Resource page: ${info.resourcePages} resources the member may see, of every kind, featured and not.`,
    '- Search: one word (ten, common such as "feedback" and rare such as "jigsaw") and two words (ten,',
    '  common pairs and rare phrases), signed in, as the search page asks (20 results and counts by kind).',
  ];
}

/** The benchmarks with their own commands and result files, listed at the end of RESULTS.md. */
const otherBenchmarks = [
  '## Other benchmarks',
  '',
  '- The health dashboard, the portfolio and the nightly roll-up (#17): `node bench/dashboard.ts`,',
  '  [RESULTS-dashboard.md](RESULTS-dashboard.md).',
  '- The daily digests (#16): `node bench/digests.ts`, appended below by `npm run bench`.',
  '- Value stories, circles, mentoring: [RESULTS-stories.md](RESULTS-stories.md),',
  '  [RESULTS-circles.md](RESULTS-circles.md), [RESULTS-mentoring.md](RESULTS-mentoring.md).',
  '- Several processes: [RESULTS-processes.md](RESULTS-processes.md); the web app: [RESULTS-web.md](RESULTS-web.md);',
  '  the embedded database: [RESULTS-pglite.md](RESULTS-pglite.md).',
];

/** bench/RESULTS.md: the table, how it was measured, and the targets. */
export function renderMarkdown(rows: Row[], info: RunInfo): string {
  const table = [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map((_, index) => (index === 0 || index === 6 || index >= 8 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${cells(row).join(' | ')} |`),
  ];
  return [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); overwritten on every run.',
    '',
    ...table,
    '',
    `- Date: ${info.date.toISOString()}`,
    `- Database: ${info.database} (${info.databaseVersion}), ${info.database === 'postgres' ? `app pool of ${info.poolSize} connections` : 'in memory, in-process, one query at a time'}`,
    `- Node: ${info.nodeVersion}; machine: ${info.machine}`,
    `- Data: ${count(info.people)} people in ${info.units} units; ${count(info.communities)} communities with ${count(info.memberships)} memberships; seeded in ${info.seedSeconds.toFixed(1)} s (set-based inserts, then VACUUM ANALYZE)`,
    ...communityNotes(info),
    ...meetingNotes(info),
    ...knowledgeNotes(info),
    `- Load: autocannon, ${info.connections} connections, ${info.seconds} s per scenario after a ${info.warmupSeconds} s warm-up, one scenario after another; autocannon runs in a child process, both servers in the main thread of one process`,
    `- Reference: a bare Fastify route in the same process returning a fixed ${info.bareBodyBytes}-byte JSON body`,
    '- "reference: one primary-key SELECT": the same bare server doing one SELECT by primary key through the',
    '  same pool, without hooks, validation or ORM: the ceiling for any route that makes one query.',
    '- The people search rotates over topic words, name prefixes and a full name, signed in.',
    '- Every community scenario is signed in as the bench member, a staff member (not a coordinator), so',
    '  the directory is scoped to public and institution-only communities plus their own private one.',
    '- Directory, first page: the default sort (recent activity) as the web app asks for it (12 cards)',
    '  and as API clients do (20, 24), alone and with one filter (open to join, audience, format, kind,',
    '  stage); each answer also lists every card’s leaders (a second query) and, since meetings, each',
    '  card’s next meeting (a subquery per card on the page).',
    '- Directory search: ten words, common ("learning", "assessment": hundreds of communities), rare',
    '  ("metacognition", "oral examinations") and absent ("podcasts"), each with four of eight filters',
    '  (open, audience, format, topic, unit, stage, kind, or sorted by size): 40 paths, ranked',
    '  full-text search with the matched words highlighted.',
    `- Community home: ${info.homeSlugs} communities the member may see: the ten largest, their own, and`,
    '  the rest spread evenly over the sizes. One prepared query (community, membership, leaders,',
    '  charter in force, own join request); the answer renders the description and the five charter',
    '  sections from Markdown.',
    '- Calendar page: the bench member’s upcoming and past meetings (20 a page, the two tabs of the page):',
    '  meetings of their communities and any they answered, with their answer and attendance.',
    `- Community meetings: the upcoming meetings of ${info.meetingSlugs} communities the member may see: the ten`,
    '  with the most meetings ahead, their own, and the rest spread evenly (20 a page).',
    '- Member feed: the bench member’s private iCalendar feed, not signed in (the token is the key): their',
    '  communities’ meetings of the last 90 days and everything ahead, series as one event with RRULE and',
    '  overrides for their answers, a VTIMEZONE for every zone used.',
    '- load avg: the 1-minute load average when the scenario ended. The bench alone keeps it near the',
    '  number of busy processes it runs (server, PostgreSQL backends, autocannon); higher means other',
    '  work shared the machine and every figure in that row is lower than the machine can do.',
    '',
    '## Targets',
    '',
    '- Pages (issue #13 §3), as a share of the reference row ("vs reference": one primary-key SELECT, no',
    '  app, in the same run) at 50 connections on PostgreSQL: `GET /api/me` 90%; the community home 60%;',
    '  the thread page, thread list, resource page, member home, calendar page, community meetings,',
    '  directory first page, people search and the member’s iCalendar feed 30%; the feed asked again with',
    '  `If-None-Match` (answered 304) 60%. The shares hold across machines where req/s do not; p99 is',
    '  reported beside them.',
    '- Directory search and the 2,000 open invitations: p99 under 50 ms at 50 connections on PostgreSQL.',
    '- Search (#13 §2: one and two words, the ten commonest words of the replies among them, best match',
    '  and newest first, while new replies are written): p99 under 100 ms at 50 connections and under',
    '  30 ms one request at a time. For comparison, from issue #5: NodeBB, measured on this machine on',
    '  PostgreSQL with 20,000 posts, served a topic of 50 posts at 73 req/s with a p99 of 1.3 s, and its',
    '  search had a p50 of 1.5 s.',
    '- Any non-2xx answer (non-304 for the conditional one) or connection error fails its scenario; a',
    '  scenario whose route is not built yet',
    '  is skipped with a note.',
    '',
    ...communityFindings,
    ...meetingFindings,
    ...knowledgeFindings,
    '',
    ...searchFindings,
    ...pagesFindings,
    '',
    ...pgliteFindings,
    ...ciFindings,
    '',
    ...otherBenchmarks,
  ].join('\n');
}
