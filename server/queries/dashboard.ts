import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { activeKindList, countedKinds, kindCounts } from './dashboard-rollup.ts';
import { rowsOf } from './raw-rows.ts';

/**
 * The health dashboard's reads (#17 §1). Past days come from the nightly roll-up
 * (`community_day_figures`, `community_member_days`), today from the event log itself, so the figures
 * are as current as the log. Days are UTC dates ('YYYY-MM-DD'); `today` is passed in so tests can fix it.
 */

export interface DayRange {
  from: string;
  to: string;
  today: string;
}

export type KindCounts = Record<keyof typeof countedKinds | 'returning', number>;

const startOf = (day: string) => sql`(${day}::date)::timestamp at time zone 'UTC'`;
const endOf = (day: string) => sql`(${day}::date + 1)::timestamp at time zone 'UTC'`;

const columns = [...Object.keys(countedKinds), 'returning'] as (keyof KindCounts)[];

/**
 * `people`: everyone with active days in the community (their bit string from the roll-up, aliased
 * `a` by `activeBetween`) and whether they were active today (`live`, from the log, when the range
 * reaches today), one row a person.
 */
const people = (communityId: string, to: string, today: string) => sql`live_actors as (
        select distinct actor_id as user_id from activity_events where community_id = ${communityId}
          and ${to}::date >= ${today}::date and occurred_at >= ${startOf(today)} and occurred_at < ${endOf(to)}
          and actor_id is not null and kind in (${activeKindList})),
      people as (
        select coalesce(a.user_id, t.user_id) as user_id, a.first_day, a.days, t.user_id is not null as live
        from (select user_id, first_day, days from community_member_activity where community_id = ${communityId}) a
        full join live_actors t on t.user_id = a.user_id)`;

/**
 * Whether a person's bit string (`first_day`, `days` of the row in scope) has a day set from `lo` to
 * `hi` (dates, inclusive): the bits of the overlap, searched for a 1. Null for a person with no row.
 */
const activeBetween = (lo: SQL, hi: SQL) => sql`(position(B'1' in substring(days
    from greatest(${lo} - first_day, 0) + 1
    for greatest(least(${hi}, first_day + length(days) - 1) - greatest(${lo}, first_day) + 1, 0))) > 0)`;

export interface PeriodTotals {
  counts: KindCounts;
  active: number;
  membersAtEnd: number;
}

export interface DashboardTotals {
  current: PeriodTotals;
  previous: PeriodTotals;
  active30: number;
  active90: number;
  logBeganAt: Date | null;
}

/**
 * The range's and the previous period's totals in one statement: each counted kind summed over the
 * rolled-up days (one scan of the community's figures, a filter per period) plus today's log for the
 * range; distinct active members in the range, the previous period and the 30 and 90 days ending the
 * range (one scan of `community_member_days` with a filtered count each, today's actors added from the
 * log); the members at each period's end; and when the log began.
 */
export async function findDashboardTotals(
  db: Db,
  communityId: string,
  range: DayRange & { previousFrom: string; previousTo: string },
): Promise<DashboardTotals> {
  const { from, to, today, previousFrom, previousTo } = range;
  const sums = (prefix: string, lo: string, hi: string) =>
    sql.join(
      columns.map(
        (c) =>
          sql`coalesce(sum(${sql.identifier(c)}) filter (where day >= ${lo}::date and day <= ${hi}::date), 0)::int as ${sql.identifier(`${prefix}${c}`)}`,
      ),
      sql`, `,
    );
  const plus = sql.raw(
    columns.map((c) => `r."c_${c}" + l."${c}" as "c_${c}", r."p_${c}" as "p_${c}"`).join(', '),
  );
  const rolledTo = sql`least(${to}::date, ${today}::date - 1)`;
  const [row] = rowsOf<Record<string, number | string | null>>(
    await db.execute(sql`with rolled as (
        select ${sums('c_', from, to)}, ${sums('p_', previousFrom, previousTo)} from community_day_figures
        where community_id = ${communityId} and day >= ${previousFrom}::date
          and day <= least(${to}::date, ${today}::date - 1)),
      live as (
        select ${kindCounts},
          count(*) filter (where e.kind = 'member.joined' and exists (select 1 from activity_events p
            where p.community_id = e.community_id and p.actor_id = e.actor_id and p.kind = 'member.joined'
              and p.occurred_at < e.occurred_at))::int as "returning"
        from activity_events e
        where e.community_id = ${communityId} and ${to}::date >= ${today}::date
          and e.occurred_at >= greatest(${startOf(today)}, ${startOf(from)}) and e.occurred_at < ${endOf(to)}),
      ${people(communityId, to, today)},
      actives as (
        select count(*) filter (where live or ${activeBetween(sql`${from}::date`, rolledTo)})::int as c_active,
          count(*) filter (where ${activeBetween(sql`${previousFrom}::date`, sql`least(${previousTo}::date, ${rolledTo})`)})::int as p_active,
          count(*) filter (where live or ${activeBetween(sql`${to}::date - 29`, rolledTo)})::int as active30,
          count(*) filter (where live or ${activeBetween(sql`${to}::date - 89`, rolledTo)})::int as active90
        from people)
      select ${plus}, a.c_active, a.p_active, a.active30, a.active90,
        case when ${to}::date >= ${today}::date
          then (select count(*)::int from community_members where community_id = ${communityId} and not project_only)
          else (select members from community_day_figures where community_id = ${communityId} and day = ${to}::date)
        end as c_members,
        (select members from community_day_figures where community_id = ${communityId} and day = ${previousTo}::date)
          as p_members,
        (select activity_log_began_at from institution_settings where id = 1) as log_began
      from rolled r, live l, actives a`),
  );
  const period = (prefix: 'c_' | 'p_'): PeriodTotals => ({
    counts: Object.fromEntries(columns.map((c) => [c, Number(row?.[`${prefix}${c}`] ?? 0)])) as KindCounts,
    active: Number(row?.[`${prefix}active`] ?? 0),
    membersAtEnd: Number(row?.[`${prefix}members`] ?? 0),
  });
  return {
    current: period('c_'),
    previous: period('p_'),
    active30: Number(row?.active30 ?? 0),
    active90: Number(row?.active90 ?? 0),
    logBeganAt: row?.log_began ? new Date(String(row.log_began)) : null,
  };
}

export interface SplitRow {
  key: string | null;
  label: string | null;
  members: number;
  active30: number;
  active90: number;
}

/**
 * Today's members by unit and by kind (staff, student, external), with how many of them were active
 * in the 30 and 90 days ending `to`. Suppression is the service's (it decides what may be shown).
 */
export async function listParticipationSplits(
  db: Db,
  communityId: string,
  to: string,
  today: string,
): Promise<{ byUnit: SplitRow[]; byKind: SplitRow[] }> {
  const rolledTo = sql`least(${to}::date, ${today}::date - 1)`;
  const rows = rowsOf<SplitRow & { split: 'unit' | 'kind' }>(
    await db.execute(sql`with ${people(communityId, to, today)},
      members as (
        select u.id, u.kind::text as kind, u.unit_id, n.name as unit_name,
          coalesce(a.live or ${activeBetween(sql`${to}::date - 29`, rolledTo)}, false) as in30,
          coalesce(a.live or ${activeBetween(sql`${to}::date - 89`, rolledTo)}, false) as in90
        from community_members m join users u on u.id = m.user_id left join units n on n.id = u.unit_id
        left join people a on a.user_id = m.user_id
        where m.community_id = ${communityId} and not m.project_only)
      select 'unit' as split, unit_id::text as key, unit_name as label, count(*)::int as members,
        count(*) filter (where in30)::int as "active30", count(*) filter (where in90)::int as "active90"
        from members group by unit_id, unit_name
      union all
      select 'kind', kind, kind, count(*)::int, count(*) filter (where in30)::int, count(*) filter (where in90)::int
        from members group by kind
      order by 1, 4 desc, 3`),
  );
  const clean = (r: SplitRow): SplitRow => ({
    key: r.key,
    label: r.label,
    members: Number(r.members),
    active30: Number(r.active30),
    active90: Number(r.active90),
  });
  return {
    byUnit: rows.filter((r) => r.split === 'unit').map(clean),
    byKind: rows.filter((r) => r.split === 'kind').map(clean),
  };
}

export interface SeriesPoint {
  date: string;
  members: number;
  joined: number;
  left: number;
  active: number;
  threads: number;
  replies: number;
}

/**
 * The range day by day (or week by week, `bucket`), from the roll-up; today's point from the log.
 * Active members per bucket are distinct people, members are those at the bucket's end.
 */
export async function listSeries(
  db: Db,
  communityId: string,
  range: DayRange,
  bucket: 'day' | 'week',
): Promise<SeriesPoint[]> {
  const { from, to, today } = range;
  const unit = sql.raw(`'${bucket}'`);
  const rows = rowsOf<SeriesPoint>(
    await db.execute(sql`with days as (
        select day, members, joined, "left", threads, replies, active from community_day_figures
        where community_id = ${communityId} and day >= ${from}::date and day <= least(${to}::date, ${today}::date - 1)
        union all
        select ${today}::date, (select count(*)::int from community_members where community_id = ${communityId} and not project_only),
          count(*) filter (where kind = 'member.joined')::int, count(*) filter (where kind = 'member.left')::int,
          count(*) filter (where kind = 'thread.posted')::int, count(*) filter (where kind = 'reply.posted')::int,
          count(distinct actor_id) filter (where kind in (${activeKindList}))::int
        from activity_events where community_id = ${communityId} and ${to}::date >= ${today}::date
          and ${from}::date <= ${today}::date and occurred_at >= ${startOf(today)} and occurred_at < ${endOf(today)}
        having ${to}::date >= ${today}::date and ${from}::date <= ${today}::date),
      -- Day by day, the roll-up's own count of the day's active people; week by week, counted distinct.
      people as (
        select date_trunc(${unit}, day)::date as b, count(distinct user_id)::int as active
        from (select day, user_id from community_member_days where community_id = ${communityId}
            and day >= ${from}::date and day <= least(${to}::date, ${today}::date - 1)
          union select ${today}::date, actor_id from activity_events where community_id = ${communityId}
            and ${to}::date >= ${today}::date and occurred_at >= ${startOf(today)} and occurred_at < ${endOf(today)}
            and actor_id is not null and kind in (${activeKindList})) x
        where ${bucket} = 'week'
        group by 1)
      select to_char(date_trunc(${unit}, d.day), 'YYYY-MM-DD') as date,
        (array_agg(d.members order by d.day desc))[1]::int as members, sum(d.joined)::int as joined,
        sum(d."left")::int as "left", (case when ${bucket} = 'week' then coalesce(max(p.active), 0) else sum(d.active) end)::int as active,
        sum(d.threads)::int as threads, sum(d.replies)::int as replies
      from days d left join people p on p.b = date_trunc(${unit}, d.day)::date
      group by date_trunc(${unit}, d.day) order by 1`),
  );
  return rows.map((r) => ({
    date: r.date,
    members: Number(r.members),
    joined: Number(r.joined),
    left: Number(r.left),
    active: Number(r.active),
    threads: Number(r.threads),
    replies: Number(r.replies),
  }));
}

/**
 * What a community's dashboard figures were computed from, as one string: its newest logged event,
 * its last rolled-up day and its member count (three index lookups). Anything the dashboard counts
 * that changes moves one of them; the cache key adds the five minutes it is in for what does not
 * (a thread deleted, a person moved to another unit).
 */
export async function findDashboardVersion(db: Db, communityId: string): Promise<string> {
  const [row] = rowsOf<{ version: string }>(
    await db.execute(sql`select concat_ws(' ',
        (select max(occurred_at) from activity_events where community_id = ${communityId})::text,
        (select max(day) from community_day_figures where community_id = ${communityId})::text,
        (select member_count from communities where id = ${communityId})::text) as version`),
  );
  return row?.version ?? '';
}
