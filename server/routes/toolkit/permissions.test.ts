import { beforeAll, describe, expect, it } from 'vitest';
import {
  communityMembers,
  resources,
  resourceUses,
  toolkitCollections,
  toolkitTopics,
} from '../../db/schema/index.ts';
import { png } from '../../lib/files/fixtures/samples.ts';
import { newStorageKey } from '../../services/toolkit/stored-files.ts';
import { createUser } from '../../test/factories.ts';
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
  write,
} from '../../test/permission-matrix.ts';

/**
 * The permission matrix of the Toolkit endpoints (issue #5): every endpoint × 14 kinds of actor ×
 * public / institution / private × active / archived. The rules, from the issue: whoever sees the
 * community reads its Toolkit; members (and coordinators) add resources, record "I used this" and
 * start a resource's discussion; the person who added a resource and the leaders change it; leaders,
 * co-leaders and coordinators feature, and organise topics and collections; archived is read-only,
 * and a member suspended from the community reads it but changes nothing, not even what they added.
 */

interface Fixture {
  slug: string;
  /** A link added by the member. */
  resource: string;
  /** A link added by the member suspended from the community (before the suspension). */
  suspendedsResource: string;
  /** An image uploaded by the member (for download and view). */
  image: string;
  /** Another member's "I used this" on `resource`. */
  use: string;
  topic: string;
  collection: string;
}

const read = (actor: ActorName, context: Context) => (canSee(actor, context) ? 200 : 404);
const takesPart = (actor: ActorName) => isMember(actor) || isStaff(actor);

const endpoints: Endpoint<Fixture>[] = [
  {
    name: 'the Toolkit',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/toolkit` }),
    expected: read,
  },
  {
    name: 'resource list',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/resources?sort=title` }),
    expected: read,
  },
  {
    name: 'resource',
    method: 'GET',
    request: (f) => ({ url: `/api/resources/${f.resource}` }),
    expected: read,
  },
  {
    name: 'download',
    method: 'GET',
    request: (f) => ({ url: `/api/resources/${f.image}/download` }),
    expected: read,
  },
  {
    name: 'view image',
    method: 'GET',
    request: (f) => ({ url: `/api/resources/${f.image}/view` }),
    expected: read,
  },
  {
    name: 'uses',
    method: 'GET',
    request: (f) => ({ url: `/api/resources/${f.resource}/uses` }),
    expected: read,
  },
  {
    name: 'collection',
    method: 'GET',
    request: (f) => ({ url: `/api/toolkit/collections/${f.collection}` }),
    expected: read,
  },
  {
    name: 'add a resource',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/resources`,
      payload: { kind: 'link', title: 'A new link', url: 'https://example.org' },
    }),
    expected: (a, c) => write(a, c, takesPart(a), 201),
  },
  {
    // Permission is answered before the body: allowed actors sending JSON get 415.
    name: 'upload (permission first)',
    method: 'POST',
    request: (f) => ({ url: `/api/communities/${f.slug}/resources/upload`, payload: { title: 'x' } }),
    expected: (a, c) => write(a, c, takesPart(a), 415),
  },
  {
    name: 'edit a resource',
    method: 'PATCH',
    mutates: true,
    request: (f) => ({ url: `/api/resources/${f.resource}`, payload: { title: 'Renamed link' } }),
    expected: (a, c) => write(a, c, a === 'member' || leads(a)),
  },
  {
    name: 'delete a resource',
    method: 'DELETE',
    mutates: true,
    request: (f) => ({ url: `/api/resources/${f.resource}` }),
    expected: (a, c) => write(a, c, a === 'member' || leads(a)),
  },
  {
    name: "edit the suspended member's own resource",
    method: 'PATCH',
    mutates: true,
    request: (f) => ({ url: `/api/resources/${f.suspendedsResource}`, payload: { title: 'Renamed link' } }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'feature',
    method: 'PUT',
    mutates: true,
    request: (f) => ({ url: `/api/resources/${f.resource}/featured`, payload: { featured: true } }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'I used this',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/resources/${f.resource}/uses`,
      payload: { kind: 'used', story: 'Worked.' },
    }),
    expected: (a, c) => write(a, c, takesPart(a), 201),
  },
  {
    name: "change another's use",
    method: 'PATCH',
    mutates: true,
    request: (f) => ({ url: `/api/resources/${f.resource}/uses/${f.use}`, payload: { story: 'Edited.' } }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: "remove another's use",
    method: 'DELETE',
    mutates: true,
    request: (f) => ({ url: `/api/resources/${f.resource}/uses/${f.use}` }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'start its discussion',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/resources/${f.resource}/discussion` }),
    expected: (a, c) => write(a, c, takesPart(a), 201),
  },
  {
    name: 'add a topic',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/communities/${f.slug}/toolkit/topics`, payload: { name: 'Feedback' } }),
    expected: (a, c) => write(a, c, leads(a), 201),
  },
  {
    name: 'rename a topic',
    method: 'PATCH',
    mutates: true,
    request: (f) => ({ url: `/api/toolkit/topics/${f.topic}`, payload: { name: 'Marking' } }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'remove a topic',
    method: 'DELETE',
    mutates: true,
    request: (f) => ({ url: `/api/toolkit/topics/${f.topic}` }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'add a collection',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/toolkit/collections`,
      payload: { title: 'Starter kit' },
    }),
    expected: (a, c) => write(a, c, leads(a), 201),
  },
  {
    name: 'edit a collection',
    method: 'PATCH',
    mutates: true,
    request: (f) => ({ url: `/api/toolkit/collections/${f.collection}`, payload: { title: 'Renamed kit' } }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: "set a collection's resources",
    method: 'PUT',
    mutates: true,
    request: (f) => ({
      url: `/api/toolkit/collections/${f.collection}/resources`,
      payload: { resourceIds: [f.image, f.resource] },
    }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'remove a collection',
    method: 'DELETE',
    mutates: true,
    request: (f) => ({ url: `/api/toolkit/collections/${f.collection}` }),
    expected: (a, c) => write(a, c, leads(a)),
  },
];

const world = openMatrixWorld();

async function buildFixture(context: Context): Promise<Fixture> {
  const { people } = world;
  const db = world.t.app.deps.database.db;
  const community = await createMatrixCommunity(world, context);
  const other = await createUser(db);
  await db.insert(communityMembers).values({ communityId: community.id, userId: other.id, role: 'member' });
  const key = newStorageKey();
  await world.t.app.deps.storage.put(key, png);
  const [resource, image, suspendedsResource] = await db
    .insert(resources)
    .values([
      {
        communityId: community.id,
        authorId: people.member.id,
        kind: 'link',
        title: 'Rubric bank',
        url: 'https://example.org/rubrics',
      },
      {
        communityId: community.id,
        authorId: people.member.id,
        kind: 'file',
        title: 'Seating plan',
        fileKey: key,
        fileName: 'seating.png',
        fileMime: 'image/png',
        fileSize: png.length,
      },
      {
        communityId: community.id,
        authorId: people.communitySuspended.id,
        kind: 'link',
        title: 'Marking shortcuts',
        url: 'https://example.org/shortcuts',
      },
    ])
    .returning({ id: resources.id });
  const [use] = await db
    .insert(resourceUses)
    .values({ resourceId: resource?.id ?? '', userId: other.id, kind: 'used', story: 'Good.' })
    .returning({ id: resourceUses.id });
  const [topic] = await db
    .insert(toolkitTopics)
    .values({ communityId: community.id, name: 'Assessment' })
    .returning({ id: toolkitTopics.id });
  const [collection] = await db
    .insert(toolkitCollections)
    .values({ communityId: community.id, title: 'Starter kit', createdBy: people.leader.id })
    .returning({ id: toolkitCollections.id });
  return {
    slug: community.slug,
    resource: resource?.id ?? '',
    suspendedsResource: suspendedsResource?.id ?? '',
    image: image?.id ?? '',
    use: use?.id ?? '',
    topic: topic?.id ?? '',
    collection: collection?.id ?? '',
  };
}

describe.each(contexts)('the Toolkit of a $visibility community (archived: $archived)', (context) => {
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
