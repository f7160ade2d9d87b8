import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ActorName,
  type Context,
  canSee,
  contexts,
  createMatrixCommunity,
  type Endpoint,
  isMember,
  isStaff,
  leads,
  matrixMismatches,
  openMatrixWorld,
  signedIn,
} from '../../test/permission-matrix.ts';

/**
 * The permission matrix of the dashboard endpoints (#17 §1, §4): every endpoint × 14 kinds of actor ×
 * public / institution / private × active / archived. The rules, from the issue: a community's leaders,
 * co-leaders (sponsors too) and the coordinators see its whole dashboard and export it, even archived;
 * its members (guests, and a member suspended from it, reading) see the summary; anyone else who can
 * see the community is refused (403), and those who cannot see it get 404. The portfolio and its CSV are
 * the coordinators' and administrators'; its rules are changed by administrators; everyone signed in
 * reads what Copse records about them.
 */

interface Fixture {
  slug: string;
}

const world = openMatrixWorld();

const reads = (a: ActorName, c: Context, allowed: boolean) =>
  !signedIn(a) ? 401 : !canSee(a, c) ? 404 : allowed ? 200 : 403;
const staffOnly = (a: ActorName) => (!signedIn(a) ? 401 : isStaff(a) ? 200 : 403);

const endpoints: Endpoint<Fixture>[] = [
  {
    name: 'the dashboard',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/dashboard` }),
    expected: (a, c) => reads(a, c, isMember(a) || leads(a)),
  },
  {
    name: 'the dashboard as CSV',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/dashboard.csv` }),
    expected: (a, c) => reads(a, c, leads(a)),
  },
];

/** Endpoints about no community: asked once, in the first context only. */
const institutionEndpoints: Endpoint<Fixture>[] = [
  { name: 'the portfolio', method: 'GET', request: () => ({ url: '/api/portfolio' }), expected: staffOnly },
  {
    name: 'the portfolio as CSV',
    method: 'GET',
    request: () => ({ url: '/api/portfolio.csv' }),
    expected: staffOnly,
  },
  {
    name: 'the portfolio rules',
    method: 'GET',
    request: () => ({ url: '/api/portfolio/rules' }),
    expected: staffOnly,
  },
  {
    name: 'change the portfolio rules',
    method: 'PUT',
    request: () => ({ url: '/api/portfolio/rules', payload: { dormantDays: 60, growingPercent: 10 } }),
    expected: (a) => (!signedIn(a) ? 401 : a === 'administrator' ? 200 : 403),
  },
  {
    name: 'what Copse records about me',
    method: 'GET',
    request: () => ({ url: '/api/me/activity' }),
    expected: (a) => (signedIn(a) ? 200 : 401),
  },
];

describe.each(contexts)('The dashboard in a $visibility community (archived: $archived)', (context) => {
  let shared: Fixture;
  beforeAll(async () => {
    shared = { slug: (await createMatrixCommunity(world, context)).slug };
  });

  it.each(endpoints)('$name answers every actor as the rules say', async (endpoint) => {
    const mismatches = await matrixMismatches(
      world.t,
      endpoint,
      context,
      world.cookies,
      shared,
      async () => shared,
    );
    expect(mismatches).toBe('');
  });
});

describe('The portfolio and one’s own record', () => {
  const context = contexts[0] as Context;
  it.each(institutionEndpoints)('$name answers every actor as the rules say', async (endpoint) => {
    const mismatches = await matrixMismatches(
      world.t,
      endpoint,
      context,
      world.cookies,
      { slug: '' },
      async () => ({
        slug: '',
      }),
    );
    expect(mismatches).toBe('');
  });
});
