import { base, en, en_GB, Faker } from '@faker-js/faker';
import { isNull, sql } from 'drizzle-orm';
import type { MembershipRole } from '../../common/enums.ts';
import type { Db } from '../../server/db/client.ts';
import {
  type CharterSections,
  charterVersions,
  communities,
  communityMembers,
  communityStageChanges,
  users,
} from '../../server/db/schema/index.ts';
import { findCharterTemplate } from '../../server/queries/charter-template.ts';
import { buildCommunitySearchDocument, slugify } from '../../server/queries/communities.ts';
import { bulkInsertBatches } from './bulk-insert.ts';
import { PeoplePools, type PoolKey, placeFeatured, planSizes, type SeedPerson } from './community-members.ts';
import { mixCommunity } from './community-mix.ts';
import { describeCommunity, previousStage } from './community-text.ts';
import { stageNotes } from './community-vocabulary.ts';
import type { SeedUnit } from './people.ts';

export type { SeedPerson } from './community-members.ts';

/** Someone who must be in the generated communities: leading `leads` of them, a member of `joins`. */
export interface FeaturedMember {
  userId: string;
  leads: number;
  joins: number;
}

export interface GenerateCommunitiesOptions {
  count: number;
  /** Memberships in all, leaders included: sizes are heavy-tailed and add up to exactly this. */
  memberships: number;
  units: readonly SeedUnit[];
  people: readonly SeedPerson[];
  featured?: readonly FeaturedMember[];
  /** The institution's charter template, drawn into every first charter. */
  charterTemplate: CharterSections;
  /** Slugs already taken in the database. */
  takenSlugs?: ReadonlySet<string>;
  /** The same seed yields the same communities and memberships. */
  seed?: number;
  now?: Date;
}

export interface GeneratedCommunities {
  communities: (typeof communities.$inferInsert & { id: string })[];
  members: (typeof communityMembers.$inferInsert)[];
  charters: (typeof charterVersions.$inferInsert)[];
  stageChanges: (typeof communityStageChanges.$inferInsert)[];
}

const defaultSeed = 20_261_123;

/**
 * Generates believable communities of practice and councils, deterministically from a seed: names and
 * purposes about educational practice, topics from the people's tags, a mix of units, audiences,
 * formats, stages (some archived), visibilities and join policies (community-mix.ts), 1–3 leaders
 * each, members drawn from the right people (by audience, half from the community's unit), one charter
 * version and one stage-history entry each. Sizes are heavy-tailed and add up to `memberships` exactly;
 * `memberCount` is each community's real number of rows.
 */
export function generateCommunities(options: GenerateCommunitiesOptions): GeneratedCommunities {
  const faker = new Faker({ locale: [en_GB, en, base], seed: options.seed ?? defaultSeed });
  const now = options.now ?? new Date();
  const pools = new PeoplePools(options.people);
  const unitWeights = options.units.map((unit, index) => ({ weight: 12 / (index + 4), value: unit }));
  const usedNames = new Set<string>();
  const usedSlugs = new Set(options.takenSlugs ?? []);

  const plans = Array.from({ length: options.count }, () => {
    const mix = mixCommunity(faker, now);
    const text = describeCommunity(faker, mix.kind, mix.audience, options.units, unitWeights, usedNames);
    let slug = slugify(text.name);
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${slugify(text.name)}-${n}`;
    usedSlugs.add(slug);
    const pool: PoolKey = mix.kind === 'council' ? 'council' : mix.audience;
    return { ...mix, ...text, id: faker.string.uuid(), slug, pool };
  });
  // No community holds more than 40% of the people it draws from, nor more than 5% of all memberships
  // (or eight times the average size, for a small campus).
  const largest = Math.max(options.memberships * 0.05, (options.memberships / options.count) * 8);
  const sizes = planSizes(
    plans.map((plan) => plan.sizeWeight),
    plans.map((plan) => ({
      min: plan.leaders + 2,
      max: Math.max(plan.leaders + 2, Math.floor(Math.min(pools.size(plan.pool) * 0.4, largest))),
    })),
    options.memberships,
  );

  const indexOf = new Map(options.people.map((person, index) => [person.id, index]));
  const featured = (options.featured ?? []).map((entry) => {
    const index = indexOf.get(entry.userId);
    if (index === undefined) throw new Error(`featured person ${entry.userId} is not among the people`);
    return { index, leads: entry.leads, joins: entry.joins };
  });
  const placements = placeFeatured(
    faker,
    pools,
    plans.map((plan, at) => ({ ...plan, size: sizes[at] ?? 0 })),
    featured,
  );

  const result: GeneratedCommunities = { communities: [], members: [], charters: [], stageChanges: [] };
  plans.forEach((plan, at) => {
    const placed = placements[at] ?? [];
    // The featured people belong only where they were placed, never by chance.
    const taken = new Set(featured.map((entry) => entry.index));
    const placedLeaders = placed.filter((entry) => entry.role === 'leader').map((entry) => entry.index);
    const placedMembers = placed.filter((entry) => entry.role === 'member').map((entry) => entry.index);
    const leaders = [
      ...placedLeaders,
      ...pools.pickLeaders(faker, plan.leaders - placedLeaders.length, plan.pool, plan.unitId, taken),
    ];
    const size = sizes[at] ?? plan.leaders + 2;
    const drawn = pools.pickMembers(
      faker,
      size - leaders.length - placedMembers.length,
      plan.pool,
      plan.unitId,
      taken,
    );
    const leaderId = options.people[leaders[0] ?? -1]?.id ?? null;
    const span = Math.max(0, plan.lastActivityAt.getTime() - plan.createdAt.getTime());
    const within = () => new Date(plan.createdAt.getTime() + faker.number.float() * span);
    const membership = (userId: string, role: MembershipRole, joinedAt: Date) => ({
      communityId: plan.id,
      userId,
      role,
      joinedAt,
      acceptedGuidelinesAt: plan.requireGuidelines ? joinedAt : null,
    });
    leaders.forEach((index, position) => {
      const person = options.people[index];
      if (person)
        result.members.push(membership(person.id, position === 0 ? 'leader' : 'co_leader', plan.createdAt));
    });
    for (const index of placedMembers) {
      const person = options.people[index];
      if (person) result.members.push(membership(person.id, 'member', within()));
    }
    let sponsor = plan.sponsor;
    for (const index of drawn) {
      const person = options.people[index];
      if (!person) continue;
      let role: MembershipRole = person.kind === 'external' ? 'guest' : 'member';
      if (sponsor && person.kind === 'staff') {
        role = 'sponsor';
        sponsor = false;
      }
      result.members.push(membership(person.id, role, within()));
    }
    result.communities.push({
      id: plan.id,
      slug: plan.slug,
      name: plan.name,
      kind: plan.kind,
      purpose: plan.purpose,
      description: plan.description,
      intendedMembers: plan.intendedMembers,
      meetingPlan: plan.meetingPlans[plan.format],
      topics: plan.topics,
      unitId: plan.unitId,
      audience: plan.audience,
      format: plan.format,
      visibility: plan.visibility,
      joinPolicy: plan.joinPolicy,
      requireGuidelines: plan.requireGuidelines,
      stage: plan.stage,
      memberCount: leaders.length + placedMembers.length + drawn.length,
      lastActivityAt: plan.lastActivityAt,
      createdAt: plan.createdAt,
      updatedAt: plan.lastActivityAt,
      searchDocument: buildCommunitySearchDocument(plan),
    });
    result.charters.push({
      communityId: plan.id,
      version: 1,
      sections: { ...options.charterTemplate, objectives: plan.objectives },
      note: 'communities.note.fromTemplate',
      editedBy: leaderId,
      createdAt: plan.createdAt,
    });
    const fromStage = previousStage(plan.stage, faker);
    result.stageChanges.push({
      communityId: plan.id,
      fromStage,
      toStage: plan.stage,
      note: stageNotes[plan.stage] ?? '',
      changedBy: leaderId,
      createdAt: fromStage ? within() : plan.createdAt,
    });
  });
  return result;
}

/** Everyone who may lead or join a generated community: every person not suspended. */
export async function loadSeedPeople(db: Db): Promise<SeedPerson[]> {
  return db
    .select({ id: users.id, kind: users.kind, unitId: users.unitId })
    .from(users)
    .where(isNull(users.suspendedAt))
    .orderBy(users.createdAt, users.id);
}

export interface SeedCommunitiesResult {
  communities: number;
  memberships: number;
}

/**
 * Generates communities (see `generateCommunities`) from the people in the database, or `people` when
 * given, and inserts them in set-based batches: communities, memberships, charters, stage history. Then
 * sets `member_count` from the real rows in one statement, so it cannot drift from them. `concurrency`
 * 2 uses both cores of a small PostgreSQL server; keep 1 inside a transaction or on PGlite.
 */
export async function seedCommunities(
  db: Db,
  options: Omit<GenerateCommunitiesOptions, 'people' | 'charterTemplate' | 'takenSlugs'> & {
    people?: readonly SeedPerson[];
    concurrency?: number;
  },
): Promise<SeedCommunitiesResult> {
  const people = options.people ?? (await loadSeedPeople(db));
  const template = await findCharterTemplate(db);
  const taken = await db.select({ slug: communities.slug }).from(communities);
  const generated = generateCommunities({
    ...options,
    people,
    charterTemplate: template?.sections ?? {},
    takenSlugs: new Set(taken.map((row) => row.slug)),
  });
  const concurrency = options.concurrency ?? 1;
  const inserted = await bulkInsertBatches(db, communities, generated.communities, { batchSize: 500 });
  const memberships = await bulkInsertBatches(db, communityMembers, generated.members, {
    batchSize: 5_000,
    concurrency,
  });
  await bulkInsertBatches(db, charterVersions, generated.charters, { batchSize: 500, concurrency });
  await bulkInsertBatches(db, communityStageChanges, generated.stageChanges, { batchSize: 1_000 });
  const ids = JSON.stringify(generated.communities.map((community) => community.id));
  await db.execute(sql`
    update ${communities} c set member_count = counted.n
    from (
      select community_id, count(*)::int as n from ${communityMembers}
      where community_id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb))
      group by community_id
    ) counted
    where c.id = counted.community_id and c.member_count <> counted.n`);
  return { communities: inserted, memberships };
}
