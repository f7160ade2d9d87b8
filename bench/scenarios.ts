import type { DatabaseKind } from '../server/db/client.ts';

/** What the seed produced, for scenarios to build their requests from. */
export interface BenchContext {
  /** Words a colleague would type into the people search: topics, name prefixes, a full name. */
  searchTerms: string[];
  /** The signed-in bench member. */
  personId: string;
  /** Communities the member may see, big and small, their own among them (see seed.ts). */
  communitySlugs: string[];
  /** The unit that runs the most communities, for the directory's unit filter. */
  communityUnitId: string;
  /** Communities the member may see with meetings ahead: the busiest, their own, and a spread. */
  meetingSlugs: string[];
  /** The member's private calendar feed token. */
  feedToken: string;
  /** Threads of 50–150 replies the member may read, their own communities' first. */
  threadIds: string[];
  /** Communities the member may see that have threads, big and small, their own among them. */
  threadListSlugs: string[];
  /** Resources the member may see, of every kind, featured and not. */
  resourceIds: string[];
  /** Every page of the 2,000 open invitations of the community the member leads (see seed-invitations.ts). */
  invitationPages: string[];
  /** The results page of a check-in with 5,000 responses in a community the member leads (seed-surveys.ts). */
  surveyResultsPaths: string[];
  /** The value stories list's first pages in the community the member leads (seed-stories.ts). */
  storyListPaths: string[];
  /** That community's value-creation matrix and suggestions, over a year of its activity. */
  valueMatrixPaths: string[];
  suggestionsPaths: string[];
  /** The circle list of the community the member leads, 200 circles of eight (seed-circles.ts). */
  circleListPaths: string[];
  /** The page of a circle of eight the member is in, with 100 posts, 6 meetings and 8 reflections. */
  circlePaths: string[];
  /** The project list of the community the member leads, 200 projects of ten (seed-projects.ts). */
  projectListPaths: string[];
  /** The page of a project the member leads, with 30 milestones, 200 tasks and 50 outputs. */
  projectPaths: string[];
  /** The Leadership tab of the community the member leads: a vote with 30 nominees, 10 past hand-overs. */
  leadershipPaths: string[];
}

export interface Target {
  /** p99 latency at the bench's connection count must stay under this. */
  maxP99Ms?: number;
  /** Requests per second must be at least this share of the bare route's. */
  minShareOfBare?: number;
  /**
   * Requests per second must be at least this share of the reference row's (one primary-key SELECT, no
   * app) in the same run: the ceiling of any route that makes one query (issue #13 §3).
   */
  minShareOfReference?: number;
  /** The target applies only on this database (reported as information on the other). */
  database?: DatabaseKind;
  /** How the target reads in the report. */
  label: string;
}

export interface Scenario {
  name: string;
  /** Which server answers: the bare reference route or Copse itself. */
  server: 'bare' | 'app';
  /** Send the session cookie of a signed-in member. */
  signedIn: boolean;
  /** The paths to request; connections rotate over them, so no single cached answer is measured. */
  paths(context: BenchContext): string[];
  /**
   * Checked on one answer to every path before the run; returns what is wrong, if anything. Gets the
   * parsed JSON, or the text of an answer in another type (an iCalendar feed).
   */
  check?(body: unknown): string | undefined;
  target?: Target;
  /** The capability measured, for `BENCH_ONLY` (e.g. `knowledge`). */
  group?: 'knowledge' | 'mentoring';
  /** The route the scenario needs (as Fastify names it); skipped with a note when the app lacks it. */
  requiresRoute?: string;
  /** Connections for this scenario instead of the bench's (1: one request at a time). */
  connections?: number;
  /** Write new replies while this scenario is measured (search must answer while posts arrive). */
  withWriter?: boolean;
  /**
   * A repeated request: every request carries `If-None-Match` with the ETag of the first answer to its
   * path, and the expected answer is 304 Not Modified (anything else counts as an error).
   */
  conditional?: boolean;
  /**
   * A write measured with one session per connection instead of GETs of `paths` (./write-load.ts):
   * `ping-answers` is 50 members answering one Ping at once (./ping-answers.ts).
   */
  write?: 'ping-answers';
}

/** The reference: a bare Fastify route returning a fixed 2 KB JSON. Ratios are to this. */
export const bareScenario: Scenario = {
  name: 'bare Fastify route (2 KB JSON)',
  server: 'bare',
  signedIn: false,
  paths: () => ['/bare'],
};

const hasData = (body: unknown): string | undefined =>
  typeof body === 'object' && body !== null && 'data' in body ? undefined : 'the answer has no `data`';

const hasList =
  (emptyProblem?: string) =>
  (body: unknown): string | undefined => {
    const problem = hasData(body);
    if (problem) return problem;
    const { data } = body as { data: unknown };
    if (!Array.isArray(data)) return '`data` is not a list';
    return data.length === 0 ? emptyProblem : undefined;
  };

/** A directory page where at least one card shows its community's next meeting. */
function hasNextMeetings(body: unknown): string | undefined {
  const problem = hasList('the directory is empty')(body);
  if (problem) return problem;
  const { data } = body as { data: unknown[] };
  const shown = data.some(
    (card) => typeof card === 'object' && card !== null && 'nextMeeting' in card && card.nextMeeting !== null,
  );
  return shown ? undefined : 'no card shows a next meeting';
}

/** A share of the reference row (one primary-key SELECT, no app) on PostgreSQL, as issue #13 §3 sets them. */
const shareTarget = (share: number): Target => ({
  minShareOfReference: share,
  database: 'postgres',
  label: `≥ ${Math.round(share * 100)}% of the reference on PostgreSQL`,
});

/** Pages (issue #13 §3): 30% of the reference row. */
const pagesTarget = shareTarget(0.3);

/** The ceiling of any route that makes one query; "vs reference" and the page targets are shares of it. */
export const referenceScenario: Scenario = {
  name: 'reference: one primary-key SELECT, no app',
  server: 'bare',
  signedIn: false,
  paths: () => ['/pk'],
  check: hasData,
};

const memberFeed = (context: BenchContext) => [`/api/calendar/feeds/${context.feedToken}.ics`];
const isCalendar = (body: unknown) =>
  typeof body === 'string' && body.startsWith('BEGIN:VCALENDAR') && body.includes('BEGIN:VEVENT')
    ? undefined
    : 'not an iCalendar file with events';

/**
 * The directory's first page in the default sort (recent activity), as the web app asks for it (12
 * cards) and as an API client does (the default 20, or 24), alone and with one filter.
 */
const directoryFirstPages = [
  '',
  '?limit=12',
  '?limit=24',
  '?open=true&limit=12',
  '?audience=everyone&limit=12',
  '?format=hybrid&limit=12',
  '?kind=community_of_practice&limit=12',
  '?stage=maturing&limit=12',
];

/** Words people search the directory for: common ones (hundreds of communities), rare ones, none. */
const communityWords = [
  'learning',
  'assessment',
  'feedback',
  'students',
  'inclusive teaching',
  'metacognition',
  'fieldwork',
  'oral examinations',
  'sustainability',
  'podcasts',
];

/** Each word goes with four of these filters (and so every filter with five words). */
const communityFilters = (context: BenchContext) => [
  'open=true',
  'audience=staff',
  'format=online',
  'topic=assessment',
  `unitId=${context.communityUnitId}`,
  'stage=maturing',
  'kind=council',
  'sort=size',
];

function communitySearches(context: BenchContext): string[] {
  const filters = communityFilters(context);
  return communityWords.flatMap((word, index) =>
    [0, 2, 4, 6].map((offset) => {
      const filter = filters[(index + offset) % filters.length] ?? '';
      return `/api/communities?q=${encodeURIComponent(word)}&${filter}&limit=12`;
    }),
  );
}

/** The communities, people and meetings scenarios (#3, #4). */
const earlierScenarios: Scenario[] = [
  referenceScenario,
  {
    name: 'GET /api/health',
    server: 'app',
    signedIn: false,
    paths: () => ['/api/health'],
  },
  {
    name: 'GET /api/me (signed in)',
    server: 'app',
    signedIn: true,
    paths: () => ['/api/me'],
    check: hasData,
    target: shareTarget(0.9),
  },
  {
    name: 'GET /api/people?q=… (search)',
    server: 'app',
    signedIn: true,
    paths: (context) => context.searchTerms.map((term) => `/api/people?q=${encodeURIComponent(term)}`),
    check: (body) => {
      const problem = hasData(body);
      if (problem) return problem;
      const { data } = body as { data: unknown };
      return Array.isArray(data) && data.length > 0 ? undefined : 'the search found nobody';
    },
    target: pagesTarget,
  },
  {
    name: 'GET /api/communities (directory, first page, next meetings)',
    server: 'app',
    signedIn: true,
    paths: () => directoryFirstPages.map((query) => `/api/communities${query}`),
    check: hasNextMeetings,
    target: pagesTarget,
  },
  {
    name: 'GET /api/communities?q=…&filter (search)',
    server: 'app',
    signedIn: true,
    paths: communitySearches,
    // Some word and filter pairs rightly find nothing ("podcasts", councils about fieldwork).
    check: hasList(),
    target: { maxP99Ms: 50, database: 'postgres', label: 'p99 < 50 ms on PostgreSQL' },
  },
  {
    name: 'GET /api/communities/:slug (community home)',
    server: 'app',
    signedIn: true,
    paths: (context) => context.communitySlugs.map((slug) => `/api/communities/${slug}`),
    check: (body) => {
      const problem = hasData(body);
      if (problem) return problem;
      const { data } = body as { data: unknown };
      return typeof data === 'object' && data !== null && 'community' in data
        ? undefined
        : 'the answer has no community';
    },
    target: shareTarget(0.6),
  },
  {
    name: 'GET /api/calendar (calendar page)',
    server: 'app',
    signedIn: true,
    // The page's two tabs, as the web app asks for them (20 a page).
    paths: () => ['/api/calendar?when=upcoming', '/api/calendar?when=past'],
    check: hasList('the calendar is empty'),
    target: pagesTarget,
  },
  {
    name: 'GET /api/communities/:slug/meetings (upcoming)',
    server: 'app',
    signedIn: true,
    paths: (context) => context.meetingSlugs.map((slug) => `/api/communities/${slug}/meetings?when=upcoming`),
    check: hasList('no meetings ahead'),
    target: pagesTarget,
  },
  {
    name: 'GET /api/communities/:slug/invitations (2,000 open, every page)',
    server: 'app',
    signedIn: true,
    paths: (context) => context.invitationPages,
    check: hasList('no open invitations'),
    target: { maxP99Ms: 50, database: 'postgres', label: 'p99 < 50 ms on PostgreSQL' },
  },
  {
    name: 'GET /api/surveys/:id/results (check-in with 5,000 responses)',
    server: 'app',
    signedIn: true,
    paths: (context) => context.surveyResultsPaths,
    check: (body) =>
      hasData(body) ??
      ((body as { data: { shown: boolean; rounds: { responseCount: number }[] } }).data.rounds[0]
        ?.responseCount === 5000
        ? undefined
        : 'the check-in does not have 5,000 responses'),
    requiresRoute: '/api/surveys/:id/results',
    target: { maxP99Ms: 50, database: 'postgres', label: 'p99 < 50 ms on PostgreSQL' },
  },
  {
    name: 'GET /api/communities/:slug/stories (value stories, first pages)',
    server: 'app',
    signedIn: true,
    paths: (context) => context.storyListPaths,
    check: hasList('no value stories'),
    requiresRoute: '/api/communities/:slug/stories',
    target: { maxP99Ms: 50, database: 'postgres', label: 'p99 < 50 ms on PostgreSQL' },
  },
  {
    name: 'GET /api/communities/:slug/suggestions (a year of activity)',
    server: 'app',
    signedIn: true,
    paths: (context) => context.suggestionsPaths,
    check: (body) =>
      hasData(body) ??
      ((body as { data: { suggestions: unknown[] } }).data.suggestions.length > 0
        ? undefined
        : 'no suggestion'),
    requiresRoute: '/api/communities/:slug/suggestions',
    target: { maxP99Ms: 100, database: 'postgres', label: 'p99 < 100 ms on PostgreSQL' },
  },
  {
    name: 'GET /api/communities/:slug/value-matrix (a year of activity)',
    server: 'app',
    signedIn: true,
    paths: (context) => context.valueMatrixPaths,
    check: hasData,
    requiresRoute: '/api/communities/:slug/value-matrix',
    target: { maxP99Ms: 100, database: 'postgres', label: 'p99 < 100 ms on PostgreSQL' },
  },
  {
    name: 'GET /api/communities/:slug/circles (200 circles, seen by their leader)',
    server: 'app',
    signedIn: true,
    paths: (context) => context.circleListPaths,
    check: (body) =>
      hasData(body) ??
      ((body as { data: { circles: unknown[] } }).data.circles.length === 200
        ? undefined
        : 'not 200 circles'),
    requiresRoute: '/api/communities/:slug/circles',
    target: pagesTarget,
  },
  {
    name: 'GET /api/circles/:id (8 members, 100 posts, 6 meetings)',
    server: 'app',
    signedIn: true,
    paths: (context) => context.circlePaths,
    check: (body) =>
      hasData(body) ??
      ((body as { data: { posts: unknown[] | null } }).data.posts?.length === 100
        ? undefined
        : 'not 100 posts'),
    requiresRoute: '/api/circles/:id',
    target: pagesTarget,
  },
  {
    name: "GET /api/calendar/circles (the meetings of the member's circles)",
    server: 'app',
    signedIn: true,
    paths: () => ['/api/calendar/circles'],
    check: (body) => hasData(body),
    requiresRoute: '/api/calendar/circles',
    target: pagesTarget,
  },
  {
    name: 'GET /api/communities/:slug/projects (200 projects, seen by their leader)',
    server: 'app',
    signedIn: true,
    paths: (context) => context.projectListPaths,
    check: (body) =>
      hasData(body) ??
      ((body as { data: { projects: unknown[] } }).data.projects.length === 200
        ? undefined
        : 'not 200 projects'),
    requiresRoute: '/api/communities/:slug/projects',
    target: pagesTarget,
  },
  {
    name: 'GET /api/projects/:id (30 milestones, 200 tasks, 50 outputs)',
    server: 'app',
    signedIn: true,
    paths: (context) => context.projectPaths,
    check: (body) =>
      hasData(body) ??
      ((body as { data: { tasks: unknown[] } }).data.tasks.length === 200 ? undefined : 'not 200 tasks'),
    requiresRoute: '/api/projects/:id',
    target: pagesTarget,
  },
  {
    name: 'GET /api/communities/:slug/leadership (a vote with 30 nominees, 10 past hand-overs)',
    server: 'app',
    signedIn: true,
    paths: (context) => context.leadershipPaths,
    check: (body) =>
      hasData(body) ??
      ((body as { data: { current: { nominations: unknown[] } | null } }).data.current?.nominations.length ===
      30
        ? undefined
        : 'not 30 nominees'),
    requiresRoute: '/api/communities/:slug/leadership',
    target: pagesTarget,
  },
  {
    name: 'GET /api/calendar/feeds/:token.ics (member feed)',
    server: 'app',
    signedIn: false,
    paths: memberFeed,
    check: isCalendar,
    target: pagesTarget,
  },
  {
    name: 'GET /api/calendar/feeds/:token.ics again, If-None-Match (304)',
    server: 'app',
    signedIn: false,
    paths: memberFeed,
    check: isCalendar,
    conditional: true,
    target: shareTarget(0.6),
  },
];

/** A thread page with a full first page of replies (the web app asks for the default 50). */
function hasFullThread(body: unknown): string | undefined {
  const problem = hasData(body);
  if (problem) return problem;
  const { data } = body as { data: { replies?: unknown } };
  if (!Array.isArray(data.replies)) return 'the thread has no replies list';
  return data.replies.length === 50 ? undefined : `the first page has ${data.replies.length} replies, not 50`;
}

/** The home page with announcements and active discussions of the member's communities. */
function hasWhatsNew(body: unknown): string | undefined {
  const problem = hasData(body);
  if (problem) return problem;
  const { data } = body as { data: { announcements?: unknown; activeThreads?: unknown } };
  if (!Array.isArray(data.announcements) || data.announcements.length === 0) return 'no announcements';
  if (!Array.isArray(data.activeThreads) || data.activeThreads.length === 0) return 'no active threads';
  return undefined;
}

/**
 * One word people search for (#13 §2): the ten commonest words of the replies (pg_stats
 * `most_common_elems` of `posts.search` on the seeded bench data after migration 0011, 5 December
 * 2026: student 60% of the replies, work 60%, use 40%, assess 36%, feedback 27%, us 26%, team 26%,
 * help 26%, share 26%, teach 23%), then middling and rare ones ("metacognition" about 1.5%, "jigsaw" a
 * few hundred).
 */
export const oneWordSearches = [
  'students',
  'work',
  'use',
  'assessment',
  'feedback',
  'us',
  'team',
  'help',
  'share',
  'teaching',
  'rubric',
  'seminar',
  'podcast',
  'viva',
  'jigsaw',
  'metacognition',
  'accessibility',
];

/** Two words: common pairs, rare phrases, and one pair that rarely meets. */
export const twoWordSearches = [
  'peer feedback',
  'marking criteria',
  'group work',
  'learning journal',
  'escape room',
  'threshold concepts',
  'contract grading',
  'flipped classroom',
  'podcast rubric',
  'students wellbeing',
];

/** The targets (#13 §2): p99 under 100 ms at 50 connections, under 30 ms one at a time. */
const searchTarget: Target = { maxP99Ms: 100, database: 'postgres', label: 'p99 < 100 ms on PostgreSQL' };
const searchAloneTarget: Target = {
  maxP99Ms: 30,
  database: 'postgres',
  label: 'p99 < 30 ms one at a time on PostgreSQL',
};

const hasResults = (body: unknown): string | undefined => {
  const problem = hasList()(body);
  if (problem) return problem;
  return 'counts' in (body as object) ? undefined : 'the answer has no counts';
};

/**
 * Search (#13 §2): one and two words, best match (the default) and newest first, at the bench's
 * connections and one request at a time, each while the bench writes new replies (`withWriter`).
 */
function searchScenarios(): Scenario[] {
  const kinds = [
    ['one word', oneWordSearches],
    ['two words', twoWordSearches],
  ] as const;
  const shapes: { label: string; sort: string; connections?: number; target: Target }[] = [
    { label: '', sort: '', target: searchTarget },
    { label: ', newest first', sort: '&sort=newest', target: searchTarget },
    { label: ', one at a time', sort: '', connections: 1, target: searchAloneTarget },
    {
      label: ', newest first, one at a time',
      sort: '&sort=newest',
      connections: 1,
      target: searchAloneTarget,
    },
  ];
  return shapes.flatMap((shape) =>
    kinds.map(([kind, words]) => ({
      name: `GET /api/search?q=<${kind}>${shape.label}`,
      group: 'knowledge' as const,
      server: 'app' as const,
      signedIn: true,
      withWriter: true,
      ...(shape.connections ? { connections: shape.connections } : {}),
      paths: () => words.map((q) => `/api/search?q=${encodeURIComponent(q)}${shape.sort}`),
      check: hasResults,
      target: shape.target,
    })),
  );
}

/**
 * Knowledge sharing (#5): 200,000 threads, 2,000,000 replies and 50,000 resources. `BENCH_ONLY=knowledge`
 * runs only these (after the reference).
 */
export const knowledgeScenarios: Scenario[] = [
  {
    name: 'GET /api/threads/:id (thread page, 50 replies)',
    group: 'knowledge',
    server: 'app',
    signedIn: true,
    paths: (context) => context.threadIds.map((id) => `/api/threads/${id}`),
    check: hasFullThread,
    target: pagesTarget,
  },
  {
    name: 'GET /api/communities/:slug/threads (thread list)',
    group: 'knowledge',
    server: 'app',
    signedIn: true,
    paths: (context) => context.threadListSlugs.map((slug) => `/api/communities/${slug}/threads`),
    check: hasList('the thread list is empty'),
    target: pagesTarget,
  },
  {
    name: 'GET /api/home (member home page)',
    group: 'knowledge',
    server: 'app',
    signedIn: true,
    paths: () => ['/api/home'],
    check: hasWhatsNew,
    target: pagesTarget,
  },
  {
    name: 'GET /api/resources/:id (resource page)',
    group: 'knowledge',
    server: 'app',
    signedIn: true,
    requiresRoute: '/api/resources/:id',
    paths: (context) => context.resourceIds.map((id) => `/api/resources/${id}`),
    check: hasData,
    target: pagesTarget,
  },
  {
    name: 'GET /api/kudos?subjectType=thread (a thread’s kudos, with its replies’)',
    group: 'knowledge',
    server: 'app',
    signedIn: true,
    requiresRoute: '/api/kudos',
    paths: (context) => context.threadIds.map((id) => `/api/kudos?subjectType=thread&subjectId=${id}`),
    check: hasData,
    target: pagesTarget,
  },
  {
    name: 'GET /api/communities/:slug/milestones (About tab)',
    group: 'knowledge',
    server: 'app',
    signedIn: true,
    requiresRoute: '/api/communities/:slug/milestones',
    paths: (context) => context.threadListSlugs.map((slug) => `/api/communities/${slug}/milestones`),
    check: hasData,
    target: pagesTarget,
  },
  {
    name: 'GET /api/mentoring/suggestions (mentors for three skills, explained)',
    server: 'app',
    signedIn: true,
    paths: () => ['/api/mentoring/suggestions'],
    check: (body) =>
      hasData(body) ?? ((body as { data: unknown[] }).data.length > 0 ? undefined : 'no mentor suggested'),
    requiresRoute: '/api/mentoring/suggestions',
    group: 'mentoring',
    target: { maxP99Ms: 50, database: 'postgres', label: 'p99 < 50 ms on PostgreSQL' },
  },
  {
    name: 'GET /api/skill-sessions (sessions for your skills)',
    server: 'app',
    signedIn: true,
    paths: () => ['/api/skill-sessions', '/api/skill-sessions?skill=skill-7'],
    check: (body) => hasData(body),
    requiresRoute: '/api/skill-sessions',
    group: 'mentoring',
    target: { maxP99Ms: 50, database: 'postgres', label: 'p99 < 50 ms on PostgreSQL' },
  },
  {
    name: 'PUT /api/pings/:id/answer (50 members answering one Ping at once)',
    group: 'knowledge',
    server: 'app',
    signedIn: true,
    write: 'ping-answers',
    connections: 50,
    paths: () => [],
    target: { maxP99Ms: 50, database: 'postgres', label: 'p99 < 50 ms at 50 connections (#16)' },
  },
  ...searchScenarios(),
];

/**
 * Everything measured after the reference, in order. Adding a scenario is adding one entry: later
 * capabilities put theirs here, with what they need in BenchContext.
 */
export const scenarios: Scenario[] = [...earlierScenarios, ...knowledgeScenarios];

/**
 * The scenarios `BENCH_ONLY` asks for: comma-separated groups (`knowledge`) or words of scenario names
 * (`search`, `/api/home`); all of them when it is empty.
 */
export function selectScenarios(only: string | undefined): Scenario[] {
  const terms = (only ?? '')
    .split(',')
    .map((term) => term.trim().toLowerCase())
    .filter(Boolean);
  if (terms.length === 0) return scenarios;
  // The reference row is always measured: the targets are shares of it.
  return scenarios.filter(
    (scenario) =>
      scenario === referenceScenario ||
      terms.some((term) => scenario.group === term || scenario.name.toLowerCase().includes(term)),
  );
}
