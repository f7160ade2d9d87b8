import { sql } from 'drizzle-orm';
import { users } from '../db/schema/index.ts';
import { toPrefixTsQuery } from './people.ts';
import type { KindSource } from './search-plan.ts';

/**
 * People in the search: the words as prefixes of their search document (name, pronouns, unit, tags,
 * bio; `toPrefixTsQuery`, as the people directory matches), leaving out suspended people. A person is
 * shown as their card, so their search document is no snippet (no doc). None when the words leave no
 * prefix to match. The caller decides whether people are searched at all (`canBrowsePeople`).
 */
export function personSource(words: string): KindSource | undefined {
  const prefix = toPrefixTsQuery(words);
  if (!prefix) return undefined;
  const people = sql`to_tsquery('simple', ${prefix})`;
  return {
    columns: sql`'person'::text as kind, ${users.id} as id, ${users.displayName} as title, null::text as doc,
      null::text as community_slug, null::text as community_name, null::uuid as thread_id`,
    from: sql`${users}`,
    where: sql`${users.search} @@ ${people} and ${users.suspendedAt} is null`,
    rank: sql`ts_rank(${users.search}, ${people})`,
    createdAt: sql`${users.createdAt}`,
    tsquery: people,
    newestFrom: (limit) => sql`(select * from ${users} where ${users.search} @@ ${people}
      and ${users.suspendedAt} is null order by ${users.createdAt} desc, ${users.id} desc
      limit ${sql.raw(String(limit))}) ${users}`,
  };
}
