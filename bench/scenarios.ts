import type { DatabaseKind } from '../server/db/client.ts';

/** What the seed produced, for scenarios to build their requests from. */
export interface BenchContext {
  /** Words a colleague would type into the people search: topics, name prefixes, a full name. */
  searchTerms: string[];
  /** The signed-in bench member. */
  personId: string;
}

export interface Target {
  /** p99 latency at the bench's connection count must stay under this. */
  maxP99Ms?: number;
  /** Requests per second must be at least this share of the bare route's. */
  minShareOfBare?: number;
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
  /** Checked on one answer before the run; returns what is wrong, if anything. */
  check?(body: unknown): string | undefined;
  target?: Target;
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

/**
 * Everything measured after the reference, in order. Adding a scenario is adding one entry: later
 * capabilities (communities, meetings, discussions) put theirs here, with what they need in BenchContext.
 */
export const scenarios: Scenario[] = [
  {
    name: 'reference: one primary-key SELECT, no app',
    server: 'bare',
    signedIn: false,
    paths: () => ['/pk'],
    check: hasData,
  },
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
    target: { minShareOfBare: 0.35, label: '≥ 35% of bare req/s' },
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
    target: { maxP99Ms: 50, database: 'postgres', label: 'p99 < 50 ms on PostgreSQL' },
  },
];
