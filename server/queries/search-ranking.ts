import { type SQL, sql } from 'drizzle-orm';
import type { SearchKind } from '../../common/contracts/search.ts';
import { type EstimatedKind, isEstimated } from './search-estimates.ts';
import { afterCursor, idColumn, type KindSource, keyOf, type SearchPlan } from './search-plan.ts';

/**
 * A word the planner estimates in this share of a table's rows or more, and in at least `commonMin` of
 * them, is common (in the bench's 2,000,000 replies "students" is in 60%, "rubric" 10%, "metacognition"
 * 1.5%): ranking every match of it costs hundreds of milliseconds whatever the index (RUM scores every
 * match before the first row), so best match ranks its newest `commonPool` matches. The newest come
 * from walking the creation-time index back, which reads about `commonPool / share` rows.
 */
export const commonShare = 0.02;
export const commonMin = 5_000;
/** How many of a common word's newest matches best match ranks. */
export const commonPool = 200;
/**
 * Newest first, a word in less than this share of a table's rows is rare: its matches are taken from
 * the full-text index and sorted, where walking the creation-time index back would read about
 * `page / share` rows ("jigsaw": most of the table) before it had a page.
 */
export const rareShare = 0.01;

/**
 * A kind's page in the usual way: its first `rows` matches after the cursor, best or newest first
 * (replies across all communities read ahead, see search-discussions.ts). `fromMatches`: newest first
 * from the full-text index's matches, sorted (the creation time hidden from the planner behind
 * `+ 0 s`, so it cannot walk the creation-time index instead): for a rare word, where that walk would
 * read most of the table before it found a page.
 */
function usualBranch(plan: SearchPlan, kind: SearchKind, source: KindSource, fromMatches = false): SQL {
  const orderKey = fromMatches ? sql`(${keyOf(plan, source)} + interval '0 s')` : keyOf(plan, source);
  const order = sql`${source.bestFirst ?? sql`${orderKey} desc`}, ${sql.raw(idColumn(kind))}`;
  const branch = sql`select ${source.columns}, ${keyOf(plan, source)} as sort_key, ${source.rank} as rank
    from ${source.from} where ${source.where} ${afterCursor(plan, source, kind)}
    order by ${order} limit ${sql.raw(String(plan.rows))}`;
  if (!source.acrossCommunities || plan.withinCommunity) return sql`(${branch})`;
  return source.acrossCommunities(order, orderKey);
}

/**
 * A kind's page, by the path its estimate picks (PostgreSQL runs only the branch whose one-time filter
 * holds): newest first of a rare word from the full-text index's matches; best match of a common word
 * over its newest `commonPool` matches; otherwise the usual way.
 */
export function kindBranch(
  plan: SearchPlan,
  kind: SearchKind,
  source: KindSource,
  estimated: EstimatedKind[],
): SQL {
  const { options, rows } = plan;
  const usual = usualBranch(plan, kind, source);
  if (!isEstimated(kind) || !estimated.includes(kind)) return usual;
  if (plan.sort === 'newest') {
    const isRare = sql`(select ${sql.raw(`e_${kind}`)} < ${sql.raw(String(options.rareShare ?? rareShare))} * ${sql.raw(`t_${kind}`)}
      from estimates)`;
    return sql`(select * from ${usualBranch(plan, kind, source, true)} rare where ${isRare}
      union all select * from ${usual} usual where not ${isRare})`;
  }
  if (!source.newestFrom) return usual;
  const common = sql`select ${source.columns}, ${keyOf(plan, source)} as sort_key, ${source.rank} as rank
    from ${source.newestFrom(options.commonPool ?? commonPool)} where ${source.where} ${afterCursor(plan, source, kind)}
    order by ${keyOf(plan, source)} desc, ${sql.raw(idColumn(kind))} limit ${sql.raw(String(rows))}`;
  const isCommon = sql`(select ${sql.raw(`e_${kind}`)} >= greatest(${sql.raw(String(options.commonMin ?? commonMin))},
    ${sql.raw(String(options.commonShare ?? commonShare))} * ${sql.raw(`t_${kind}`)}) from estimates)`;
  return sql`(select * from (${common}) common where ${isCommon}
    union all select * from ${usual} usual where not ${isCommon})`;
}
