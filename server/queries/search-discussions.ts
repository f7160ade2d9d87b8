import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communities, posts, threads } from '../db/schema/index.ts';
import { rowsOf } from './raw-rows.ts';
import { afterCursor, type KindSource, keyOf, type SearchPlan } from './search-plan.ts';

/** Replies taken in order before the visibility join, as multiples of the page (see replySource). */
const replyReadAhead = 5;

/** Whether a database has the RUM index of replies (migration 0011 makes it where RUM is installed). */
const rumIndexes = new WeakMap<Db, Promise<boolean>>();
export function hasRumIndex(db: Db): Promise<boolean> {
  let known = rumIndexes.get(db);
  if (!known) {
    known = db
      .execute(sql`select exists (select 1 from pg_indexes where indexname = 'posts_search_rum_idx') as rum`)
      .then((result) => rowsOf<{ rum: boolean }>(result)[0]?.rum === true);
    rumIndexes.set(db, known);
    known.catch(() => rumIndexes.delete(db));
  }
  return known;
}

/**
 * Discussion threads in the search: title and opening post, leaving out deleted and hidden threads, in
 * the communities the searcher may read; the snippet is taken from the opening post.
 */
export function threadSource(plan: SearchPlan): KindSource {
  const { query } = plan;
  return {
    columns: sql`'thread'::text as kind, t.id, t.title, t.body as doc, ${communities.slug} as community_slug,
      ${communities.name} as community_name, t.id as thread_id`,
    from: sql`${threads} t join ${communities} on ${communities.id} = t.community_id`,
    where: sql`t.search @@ ${query} and t.deleted_at is null and t.hidden_at is null and ${plan.visible} and ${plan.inCommunity}`,
    rank: sql`ts_rank(t.search, ${plan.ranked})`,
    createdAt: sql`t.created_at`,
    tsquery: query,
    newestFrom: (limit) => sql`(select * from ${threads} t
      where t.search @@ ${query} and t.deleted_at is null and t.hidden_at is null
      order by t.created_at desc, t.id desc limit ${sql.raw(String(limit))}) t
      join ${communities} on ${communities.id} = t.community_id`,
  };
}

/**
 * Replies in the search, under their thread's title, leaving out deleted and hidden replies and replies
 * in deleted or hidden threads, in the communities the searcher may read. `rum`: best first by the RUM
 * index (`hasRumIndex`), which ranks inside the index; for a query of OR-ed words its order is
 * ts_rank's, so both databases give the same pages (tested).
 */
export function replySource(plan: SearchPlan, rum: boolean): KindSource {
  const { query } = plan;
  const source: KindSource = {
    columns: sql`'reply'::text as kind, p.id, t.title, p.body as doc, ${communities.slug} as community_slug,
      ${communities.name} as community_name, t.id as thread_id`,
    from: sql`${posts} p join ${threads} t on t.id = p.thread_id join ${communities} on ${communities.id} = t.community_id`,
    where: sql`p.search @@ ${query} and p.deleted_at is null and p.hidden_at is null
      and t.deleted_at is null and t.hidden_at is null and ${plan.visible} and ${plan.inCommunity}`,
    rank: sql`ts_rank(p.search, ${plan.ranked})`,
    createdAt: sql`p.created_at`,
    tsquery: query,
    newestFrom: (limit) => sql`(select * from ${posts} p
      where p.search @@ ${query} and p.deleted_at is null and p.hidden_at is null
      order by p.created_at desc, p.id desc limit ${sql.raw(String(limit))}) p
      join ${threads} t on t.id = p.thread_id join ${communities} on ${communities.id} = t.community_id`,
    ...(rum ? { bestFirst: sql`p.search <=> ${plan.ranked}` } : {}),
    acrossCommunities: (order, orderKey) => repliesAcrossCommunities(plan, source, order, orderKey),
  };
  return source;
}

/**
 * Replies across all communities. Every match ranked or sorted from the replies alone (their keys only,
 * a narrow sort), then joined to its thread and community by primary key, instead of hash-joining every
 * whole match to a scan of all threads first. Before that, the first few pages' worth in order from the
 * replies alone (the RUM or created_at index, no join per match), joined and filtered to what the
 * searcher may read. Exact: filtering keeps the order, and when it leaves less than a page the whole
 * branch answers instead (one-time filters: PostgreSQL runs only the side it needs). RUM orders by rank
 * alone, so its read-ahead may cut a group of equal ranks anywhere: its page is used only when the
 * page's last rank is above the last one read (or every match was read).
 */
function repliesAcrossCommunities(plan: SearchPlan, source: KindSource, order: SQL, orderKey: SQL): SQL {
  const { query } = plan;
  const rows = sql.raw(String(plan.rows));
  const key = keyOf(plan, source);
  const after = afterCursor(plan, source, 'reply');
  const whole = sql`select ${source.columns}, k.sort_key, k.rank
    from (select p.id, ${key} as sort_key, ${orderKey} as order_key, ${source.rank} as rank
      from ${posts} p
      where p.search @@ ${query} and p.deleted_at is null and p.hidden_at is null ${after}
      order by order_key desc, p.id) k
    join ${posts} p on p.id = k.id join ${threads} t on t.id = p.thread_id
    join ${communities} on ${communities.id} = t.community_id
    where ${source.where}
    order by k.order_key desc, k.id limit ${rows}`;
  const headOrder = source.bestFirst ?? order;
  // The read-ahead: `ahead` replies in order, joined and filtered, and whether its page is exact.
  const ahead = sql.raw(String(plan.rows * replyReadAhead));
  const head = sql`select p.*, ${key} as head_key from ${posts} p
    where p.search @@ ${query} and p.deleted_at is null and p.hidden_at is null ${after}
    order by ${headOrder} limit ${ahead}`;
  const fast = sql`select ${source.columns}, ${key} as sort_key, ${source.rank} as rank
    from head p join ${threads} t on t.id = p.thread_id
    join ${communities} on ${communities.id} = t.community_id
    where ${source.where}
    order by ${order} limit ${rows}`;
  const isExact = source.bestFirst
    ? sql`(select count(*) from fast) = ${rows}
        and ((select count(*) from head) < ${ahead}
        or (select min(sort_key) from fast) > (select min(head_key) from head))`
    : sql`(select count(*) from fast) = ${rows}`;
  return sql`(with head as materialized (${head}), fast as materialized (${fast}),
    exact as materialized (select ${isExact} as yes)
    select * from fast where (select yes from exact)
    union all
    select * from (${whole}) whole where not (select yes from exact))`;
}
