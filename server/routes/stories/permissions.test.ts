import { beforeAll, describe, expect, it } from 'vitest';
import { valueStories } from '../../db/schema/index.ts';
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
  write,
} from '../../test/permission-matrix.ts';

/**
 * The permission matrix of value stories, the value-creation matrix and the suggestions (#17 §2–3):
 * every endpoint × 14 kinds of actor × public / institution / private × active / archived. The rules:
 * stories stay in the community, read by its members (a member suspended from it reads too) and the
 * coordinators, and refused (403) to others who see the community; a story is gone (404) for those who
 * do not read them. Active members and coordinators record; the author (here the member) alone edits
 * and deletes; leaders, co-leaders and coordinators curate; suggestions are read by the active leaders
 * and the coordinators (also archived) and dismissed by them while not archived.
 */

interface Fixture {
  slug: string;
  story: string;
  /** The member's draft (#18 §2: a mentoring reflection turned into a story starts as one). */
  draft: string;
}

const world = openMatrixWorld();

const readsStories = (actor: ActorName) => isMember(actor) || isStaff(actor);
/** 401 signed out, 404 unseen, then 200 for readers, 403 for the others. */
const reads = (actor: ActorName, context: Context) =>
  !signedIn(actor) ? 401 : !canSee(actor, context) ? 404 : readsStories(actor) ? 200 : 403;
/** On a story: 404 unless one reads the stories; then as any write. */
const onStory = (actor: ActorName, context: Context, allowed: boolean) =>
  !signedIn(actor)
    ? 401
    : !canSee(actor, context) || !readsStories(actor)
      ? 404
      : write(actor, context, allowed);

const story = { title: 'What the workshop gave me', immediate: 'We met and tried rubrics.' };

const endpoints: Endpoint<Fixture>[] = [
  {
    name: 'list stories',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/stories` }),
    expected: reads,
  },
  {
    name: 'record a story',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/communities/${f.slug}/stories`, payload: story }),
    expected: (a, c) => write(a, c, readsStories(a), 201),
  },
  {
    name: 'link options',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/stories/link-options?kind=thread` }),
    expected: reads,
  },
  {
    name: 'value-creation matrix',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/value-matrix` }),
    expected: reads,
  },
  {
    name: 'a story',
    method: 'GET',
    request: (f) => ({ url: `/api/stories/${f.story}` }),
    expected: (a, c) => (!signedIn(a) ? 401 : canSee(a, c) && readsStories(a) ? 200 : 404),
  },
  {
    name: 'edit a story',
    method: 'PUT',
    mutates: true,
    request: (f) => ({ url: `/api/stories/${f.story}`, payload: { ...story, title: 'Changed' } }),
    expected: (a, c) => onStory(a, c, a === 'member'),
  },
  {
    name: 'curate a story',
    method: 'PATCH',
    mutates: true,
    request: (f) => ({ url: `/api/stories/${f.story}/curation`, payload: { featured: true } }),
    expected: (a, c) => onStory(a, c, leads(a)),
  },
  {
    name: 'delete a story',
    method: 'DELETE',
    mutates: true,
    request: (f) => ({ url: `/api/stories/${f.story}` }),
    expected: (a, c) => onStory(a, c, a === 'member'),
  },
  {
    name: 'a draft story (its author only)',
    method: 'GET',
    request: (f) => ({ url: `/api/stories/${f.draft}` }),
    expected: (a, c) => (!signedIn(a) ? 401 : canSee(a, c) && a === 'member' ? 200 : 404),
  },
  {
    name: 'publish a draft',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/stories/${f.draft}/publish` }),
    expected: (a, c) => (!signedIn(a) ? 401 : canSee(a, c) && a === 'member' ? write(a, c, true) : 404),
  },
  {
    name: 'suggestions',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/suggestions` }),
    expected: (a, c) => (!signedIn(a) ? 401 : !canSee(a, c) ? 404 : leads(a) ? 200 : 403),
  },
  {
    name: 'dismiss a suggestion',
    method: 'POST',
    mutates: true,
    // A new community with no check-in yet: "run a check-in this term" is raised.
    request: (f) => ({
      url: `/api/communities/${f.slug}/suggestions/dismissals`,
      payload: { kind: 'checkin_due', subject: 'term:none' },
    }),
    expected: (a, c) => write(a, c, leads(a)),
  },
];

async function buildFixture(context: Context): Promise<Fixture> {
  const db = world.t.app.deps.database.db;
  const community = await createMatrixCommunity(world, context);
  const [row] = await db
    .insert(valueStories)
    .values({ communityId: community.id, authorId: world.people.member.id, ...story })
    .returning({ id: valueStories.id });
  const [draft] = await db
    .insert(valueStories)
    .values({ communityId: community.id, authorId: world.people.member.id, ...story, status: 'draft' })
    .returning({ id: valueStories.id });
  return { slug: community.slug, story: row?.id ?? '', draft: draft?.id ?? '' };
}

describe.each(contexts)('Value stories in a $visibility community (archived: $archived)', (context) => {
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
