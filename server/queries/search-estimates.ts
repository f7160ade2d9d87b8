import { type SQL, sql } from 'drizzle-orm';
import { type SearchKind, searchKinds } from '../../common/contracts/search.ts';
import type { KindSource, KindSources, SearchPlan } from './search-plan.ts';

/**
 * Counts stop here: counting every match of a common word costs as much as the search (782 ms for
 * "feedback" in 535,000 replies), so a kind with more matches says "1,000+" (`countsCapped`).
 */
export const countCap = 1000;

/**
 * A kind whose matches the planner estimates (`copse_search_estimate`, from the column's statistics) at
 * this many or more across the whole table is not counted: it says "1,000+" at once. Ten times the cap,
 * so a kind the searcher can read only a tenth of still has more than the cap.
 */
export const estimateCountAt = countCap * 10;

/** The tables whose matches are estimated before they are counted (the large ones). */
const estimatedTables = {
  thread: 'threads',
  reply: 'posts',
  resource: 'resources',
  person: 'users',
} as const;
export type EstimatedKind = keyof typeof estimatedTables;
export const isEstimated = (kind: SearchKind): kind is EstimatedKind => kind in estimatedTables;

/**
 * The kinds estimated before they are counted and ranked (see estimateCountAt, and commonShare in
 * search-ranking.ts): the large tables' kinds searched, and none within one community, where every
 * match is counted and ranked.
 */
export function estimatedKinds(plan: SearchPlan, sources: KindSources): EstimatedKind[] {
  return plan.withinCommunity ? [] : searchKinds.filter(isEstimated).filter((kind) => sources[kind]);
}

/** A kind's estimated matches, read from the `estimates` CTE. */
export function estimateOf(kind: EstimatedKind): SQL {
  return sql`(select ${sql.raw(`e_${kind}`)} from estimates)`;
}

/**
 * The `estimates` CTE, read once per search: for each estimated kind the planner's row estimate of its
 * matches (`e_<kind>`, by EXPLAIN, no row read) and the table's size (`t_<kind>`).
 */
export function estimatesCte(estimated: EstimatedKind[], sources: KindSources): SQL {
  if (estimated.length === 0) return sql``;
  return sql`with estimates as materialized (select ${sql.join(
    estimated.map(
      (kind) =>
        sql`copse_search_estimate(${estimatedTables[kind]}::regclass, ${(sources[kind] as KindSource).tsquery}) as ${sql.raw(`e_${kind}`)},
                (select reltuples from pg_class where oid = ${estimatedTables[kind]}::regclass) as ${sql.raw(`t_${kind}`)}`,
    ),
    sql`, `,
  )}) `;
}

/**
 * Each kind's matches (`n_<kind>`), counted up to the cap, unless the planner's estimate says there are
 * far more (a common word): then the count, which would read every match, is not made (PostgreSQL runs
 * a CASE's subquery only when its branch is taken).
 */
export function countColumns(plan: SearchPlan, sources: KindSources, estimated: EstimatedKind[]): SQL[] {
  return searchKinds.map((kind) => {
    const source = sources[kind];
    if (!source) return sql`0 as ${sql.raw(`n_${kind}`)}`;
    const counted = sql`(select count(*)::int from (select 1 from ${source.from} where ${source.where}
      limit ${sql.raw(String(countCap + 1))}) c)`;
    return isEstimated(kind) && estimated.includes(kind)
      ? sql`case when ${estimateOf(kind)} >= ${sql.raw(String(plan.options.estimateCountAt ?? estimateCountAt))}
          then ${sql.raw(String(countCap + 1))} else ${counted} end as ${sql.raw(`n_${kind}`)}`
      : sql`${counted} as ${sql.raw(`n_${kind}`)}`;
  });
}
