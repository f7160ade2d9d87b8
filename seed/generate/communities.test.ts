import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { openTestDatabase } from '../../server/test/database.ts';
import { generateCommunities, loadSeedPeople, seedCommunities } from './communities.ts';
import { ensureUnits, seedPeople, unitNames } from './people.ts';

let database: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
});
afterAll(async () => {
  await dispose();
});

const rowsOf = async <T>(query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

describe('seedCommunities', () => {
  it('writes communities whose member counts, leaders, charters and history match their rows', async () => {
    const { db } = database;
    const units = await ensureUnits(db, unitNames);
    const { sample } = await seedPeople(db, { count: 300, units, passwordHash: 'not-a-real-hash' });
    const people = await loadSeedPeople(db);
    const featuredEmail = sample[0]?.email ?? '';
    const [featured] = await rowsOf<{ id: string }>(sql`select id from users where email = ${featuredEmail}`);
    const userId = featured?.id ?? '';

    const result = await seedCommunities(db, {
      count: 40,
      memberships: 900,
      units,
      people,
      featured: [{ userId, leads: 1, joins: 3 }],
    });
    expect(result).toEqual({ communities: 40, memberships: 900 });

    const [counts] = await rowsOf<{
      wrong: number;
      charters: number;
      history: number;
      leaderless: number;
    }>(sql`
      select
        (select count(*)::int from communities c
          where member_count <> (select count(*) from community_members m where m.community_id = c.id)) as wrong,
        (select count(*)::int from charter_versions) as charters,
        (select count(*)::int from community_stage_changes) as history,
        (select count(*)::int from communities c where (select count(*) from community_members m
          where m.community_id = c.id and m.role in ('leader', 'co_leader')) not between 1 and 3) as leaderless`);
    expect(counts).toEqual({ wrong: 0, charters: 40, history: 40, leaderless: 0 });

    const roles = await rowsOf<{ role: string }>(
      sql`select role from community_members where user_id = ${userId} order by role`,
    );
    expect(roles.map((row) => row.role)).toEqual(['leader', 'member', 'member', 'member']);

    // The search column is generated from the name and the search document.
    const [found] = await rowsOf<{ n: number }>(
      sql`select count(*)::int as n from communities where search @@ websearch_to_tsquery('english', 'learning')`,
    );
    expect(found?.n).toBeGreaterThan(0);
  });
});

describe('generateCommunities', () => {
  const units = unitNames.map((name, index) => ({ id: `unit-${index}`, name }));
  const people = Array.from({ length: 2_000 }, (_, index) => ({
    id: `person-${index}`,
    kind:
      index % 4 === 0 ? ('student' as const) : index % 25 === 1 ? ('external' as const) : ('staff' as const),
    unitId: index % 10 === 0 ? null : `unit-${index % units.length}`,
  }));
  const options = { count: 200, memberships: 8_000, units, people, charterTemplate: { roles: 'Roles' } };

  it('is the same from the same seed, with unique slugs and no one twice in a community', () => {
    const first = generateCommunities({ ...options, now: new Date('2026-11-01T00:00:00Z') });
    const again = generateCommunities({ ...options, now: new Date('2026-11-01T00:00:00Z') });
    expect(again.communities.map((community) => community.slug)).toEqual(
      first.communities.map((community) => community.slug),
    );
    expect(new Set(first.communities.map((community) => community.slug)).size).toBe(200);
    const pairs = first.members.map((member) => `${member.communityId}/${member.userId}`);
    expect(new Set(pairs).size).toBe(8_000);
  });

  it('makes sizes heavy-tailed: a few large communities, many small', () => {
    const sizes = generateCommunities(options)
      .communities.map((community) => community.memberCount ?? 0)
      .sort((a, b) => b - a);
    const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
    expect(sizes[0]).toBeGreaterThan(median * 5);
    expect(sizes.at(-1)).toBeGreaterThanOrEqual(3);
  });
});
