import { sql } from 'drizzle-orm';
import { communities, resources } from '../db/schema/index.ts';
import type { KindSource, SearchPlan } from './search-plan.ts';

/**
 * Toolkit resources in the search: title, description and body, leaving out deleted ones, in the
 * communities the searcher may read; the snippet is taken from the description and body.
 */
export function resourceSource(plan: SearchPlan): KindSource {
  const { query } = plan;
  return {
    columns: sql`'resource'::text as kind, r.id, r.title, r.description || ' ' || r.body as doc,
      ${communities.slug} as community_slug, ${communities.name} as community_name, null::uuid as thread_id`,
    from: sql`${resources} r join ${communities} on ${communities.id} = r.community_id`,
    where: sql`r.search @@ ${query} and r.deleted_at is null and ${plan.visible} and ${plan.inCommunity}`,
    rank: sql`ts_rank(r.search, ${plan.ranked})`,
    createdAt: sql`r.created_at`,
    tsquery: query,
    newestFrom: (
      limit,
    ) => sql`(select * from ${resources} r where r.search @@ ${query} and r.deleted_at is null
      order by r.created_at desc, r.id desc limit ${sql.raw(String(limit))}) r
      join ${communities} on ${communities.id} = r.community_id`,
  };
}
