import { sql } from 'drizzle-orm';
import { communities } from '../db/schema/index.ts';
import type { KindSource, SearchPlan } from './search-plan.ts';

/**
 * Communities in the search: by name (weight A), purpose, topics and description, among those the
 * searcher may read (`visibleTo`); the snippet is taken from the purpose.
 */
export function communitySource(plan: SearchPlan): KindSource {
  return {
    columns: sql`'community'::text as kind, ${communities.id} as id, ${communities.name} as title,
      ${communities.purpose} as doc, ${communities.slug} as community_slug, ${communities.name} as community_name,
      null::uuid as thread_id`,
    from: sql`${communities}`,
    where: sql`${communities.search} @@ ${plan.query} and ${plan.visible} and ${plan.inCommunity}`,
    rank: sql`ts_rank(${communities.search}, ${plan.ranked})`,
    createdAt: sql`${communities.createdAt}`,
    tsquery: plan.query,
  };
}
