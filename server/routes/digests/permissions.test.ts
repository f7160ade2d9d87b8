import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ActorName,
  type Context,
  canSee,
  contexts,
  createMatrixCommunity,
  type Endpoint,
  isMember,
  matrixMismatches,
  openMatrixWorld,
  signedIn,
} from '../../test/permission-matrix.ts';

/**
 * The permission matrix of the email-choice endpoints (#16 §3): every endpoint × 14 kinds of actor ×
 * public / institution / private × active / archived. The rule: a member chooses how the community's
 * email reaches them, for themselves only; a member suspended from the community still may (it is their
 * own inbox, not content in the community), and so may members of an archived community; everyone else
 * who sees the community is refused (403), who does not see it gets 404, and signed-out people 401.
 */

interface Fixture {
  slug: string;
}

const world = openMatrixWorld();

const chooses = (actor: ActorName, context: Context) =>
  !signedIn(actor) ? 401 : !canSee(actor, context) ? 404 : isMember(actor) ? 200 : 403;

const endpoints: Endpoint<Fixture>[] = [
  {
    name: 'my email choice for the community',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/email` }),
    expected: chooses,
  },
  {
    name: 'set my email choice for the community',
    method: 'PUT',
    mutates: true,
    request: (f) => ({ url: `/api/communities/${f.slug}/email`, payload: { email: 'weekly' } }),
    expected: chooses,
  },
  {
    // Everyone signed in has a list of their own communities (maybe empty).
    name: 'my email choices for all my communities',
    method: 'GET',
    request: () => ({ url: '/api/notifications/communities' }),
    expected: (a) => (signedIn(a) ? 200 : 401),
  },
];

async function buildFixture(context: Context): Promise<Fixture> {
  const community = await createMatrixCommunity(world, context);
  return { slug: community.slug };
}

describe.each(contexts)('Email choices in a $visibility community (archived: $archived)', (context) => {
  let shared: Fixture;
  beforeAll(async () => {
    shared = await buildFixture(context);
  });

  it.each(endpoints)('$name answers every actor as the rules say', async (endpoint) => {
    const mismatches = await matrixMismatches(world.t, endpoint, context, world.cookies, shared, () =>
      buildFixture(context),
    );
    expect(mismatches).toBe('');
  });
});
