import { type SQL, sql } from 'drizzle-orm';
import type { ActivityKind } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { rowsOf } from './raw-rows.ts';

/**
 * What counts as taking part (#17 §1): posting, replying, reacting, attending (taken attendance),
 * answering a Ping or a check-in, adding or using (downloading, "I used this") a resource. Viewing,
 * RSVPs, joining and leaving do not.
 */
export const activeKinds: readonly ActivityKind[] = [
  'thread.posted',
  'reply.posted',
  'reaction.added',
  'meeting.attended',
  'ping.answered',
  'survey.answered',
  'resource.added',
  'resource.downloaded',
  'resource.used',
];

/** The daily figures' columns and the event kind each counts. */
export const countedKinds = {
  joined: 'member.joined',
  left: 'member.left',
  threads: 'thread.posted',
  replies: 'reply.posted',
  reactions: 'reaction.added',
  attended: 'meeting.attended',
  resources_added: 'resource.added',
  views: 'resource.viewed',
  downloads: 'resource.downloaded',
  uses: 'resource.used',
  ping_answers: 'ping.answered',
  survey_answers: 'survey.answered',
} as const satisfies Record<string, ActivityKind>;

export const activeKindList = sql.raw(activeKinds.map((kind) => `'${kind}'`).join(', '));

/** `count(*) filter (where kind = …) as column` for each counted kind, over events aliased `e`. */
export const kindCounts: SQL = sql.raw(
  Object.entries(countedKinds)
    .map(([column, kind]) => `count(*) filter (where e.kind = '${kind}')::int as "${column}"`)
    .join(', '),
);

const dayStart = (day: string) => sql`(${day}::date)::timestamp at time zone 'UTC'`;
const dayEnd = (day: string) => sql`(${day}::date + 1)::timestamp at time zone 'UTC'`;

/**
 * Rolls up one (UTC) day of the event log for every community, replacing whatever that day had
 * (idempotent: re-running a day gives the same rows). Set-based statements: who was active that
 * day (`community_member_days`, and that day's bit in each person's `community_member_activity`), then each community's counts, members at the end of the day (the day before's figure plus
 * joins minus leaves, or, for a community's first rolled day, today's members less the joins and plus
 * the leaves logged since) and distinct active members over the 30 and 90 days ending that day.
 */
export async function rollUpDay(db: Db, day: string): Promise<void> {
  await db.transaction(async (tx) => {
    // The day's bit is cleared for whoever the day had before, and set again from the new rows.
    await tx.execute(sql`update community_member_activity a set days = set_bit(a.days, ${day}::date - a.first_day, 0)
      from community_member_days d
      where d.day = ${day}::date and a.community_id = d.community_id and a.user_id = d.user_id
        and ${day}::date >= a.first_day and ${day}::date - a.first_day < length(a.days)`);
    await tx.execute(sql`delete from community_member_days where day = ${day}::date`);
    await tx.execute(sql`insert into community_member_days (community_id, day, user_id)
      select distinct e.community_id, ${day}::date, e.actor_id from activity_events e
      where e.occurred_at >= ${dayStart(day)} and e.occurred_at < ${dayEnd(day)}
        and e.community_id is not null and e.actor_id is not null and e.kind in (${activeKindList})`);
    await tx.execute(sql`insert into community_member_activity as a (community_id, user_id, first_day, days)
      select community_id, user_id, day, B'1' from community_member_days where day = ${day}::date
      on conflict (community_id, user_id) do update set first_day = least(a.first_day, excluded.first_day),
        days = case
          when excluded.first_day < a.first_day
            then B'1' || repeat('0', a.first_day - excluded.first_day - 1)::varbit || a.days
          when excluded.first_day - a.first_day >= length(a.days)
            then a.days || repeat('0', excluded.first_day - a.first_day - length(a.days))::varbit || B'1'
          else set_bit(a.days, excluded.first_day - a.first_day, 1) end`);
    await tx.execute(sql`delete from community_day_figures where day = ${day}::date`);
    await tx.execute(sql`insert into community_day_figures (community_id, day, members, joined, "returning", "left",
        threads, replies, reactions, attended, resources_added, views, downloads, uses, ping_answers,
        survey_answers, active, active_30, active_90)
      with counts as (
        select e.community_id, ${kindCounts},
          count(*) filter (where e.kind = 'member.joined' and exists (select 1 from activity_events p
            where p.community_id = e.community_id and p.actor_id = e.actor_id and p.kind = 'member.joined'
              and p.occurred_at < e.occurred_at))::int as "returning"
        from activity_events e
        where e.occurred_at >= ${dayStart(day)} and e.occurred_at < ${dayEnd(day)} and e.community_id is not null
        group by e.community_id),
      actives as (
        select community_id, count(*) filter (where day = ${day}::date)::int as active,
          count(distinct user_id) filter (where day > ${day}::date - 30)::int as active_30,
          count(distinct user_id)::int as active_90
        from community_member_days where day > ${day}::date - 90 and day <= ${day}::date
        group by community_id)
      select c.id, ${day}::date,
        greatest(0, coalesce(
          (select f.members from community_day_figures f where f.community_id = c.id and f.day = ${day}::date - 1)
            + coalesce(n.joined, 0) - coalesce(n."left", 0),
          (select count(*) from community_members m where m.community_id = c.id and not m.project_only)::int
            - (select count(*) filter (where l.kind = 'member.joined') - count(*) filter (where l.kind = 'member.left')
               from activity_events l where l.community_id = c.id and l.occurred_at >= ${dayEnd(day)}
                 and l.kind in ('member.joined', 'member.left'))::int)),
        coalesce(n.joined, 0), coalesce(n."returning", 0), coalesce(n."left", 0), coalesce(n.threads, 0),
        coalesce(n.replies, 0), coalesce(n.reactions, 0), coalesce(n.attended, 0), coalesce(n.resources_added, 0),
        coalesce(n.views, 0), coalesce(n.downloads, 0), coalesce(n.uses, 0), coalesce(n.ping_answers, 0),
        coalesce(n.survey_answers, 0), coalesce(a.active, 0), coalesce(a.active_30, 0), coalesce(a.active_90, 0)
      from communities c
      left join counts n on n.community_id = c.id
      left join actives a on a.community_id = c.id
      where c.created_at < ${dayEnd(day)}`);
  });
}

/** The last day rolled up, and the first day of the log (both UTC dates, 'YYYY-MM-DD'), or null. */
export async function findRollupBounds(
  db: Db,
): Promise<{ lastRolled: string | null; firstLogged: string | null }> {
  const [row] = rowsOf<{ last_rolled: string | null; first_logged: string | null }>(
    await db.execute(sql`select (select max(day)::text from community_day_figures) as last_rolled,
      (select (min(occurred_at) at time zone 'UTC')::date::text from activity_events) as first_logged`),
  );
  return { lastRolled: row?.last_rolled ?? null, firstLogged: row?.first_logged ?? null };
}

/**
 * The back-fill (#17 §1 Rules), once: for the time before the event log's first entry, writes the
 * events the existing data still shows (memberships' join dates, threads, replies, reactions, taken
 * attendance, resources added, their daily views and downloads, "I used this"). What no table kept
 * (who left, or joined and left, before the log began; past RSVPs) cannot be rebuilt: the dashboard
 * says so from `activity_log_began_at`. Answers the moment the log began, or null when it had already run.
 */
export async function backfillActivity(db: Db): Promise<Date | null> {
  return db.transaction(async (tx) => {
    const [settings] = rowsOf<{ began: Date | string | null }>(
      await tx.execute(
        sql`select activity_log_began_at as began from institution_settings where id = 1 for update`,
      ),
    );
    if (!settings || settings.began !== null) return null;
    const [first] = rowsOf<{ began: Date | string }>(
      await tx.execute(sql`select coalesce(min(occurred_at), now()) as began from activity_events`),
    );
    const began = new Date(first?.began ?? Date.now());
    const before = began.toISOString();
    await tx.execute(sql`insert into activity_events (community_id, actor_id, kind, subject_type, subject_id, occurred_at)
      select community_id, user_id, 'member.joined', 'community', community_id, joined_at
        from community_members where joined_at < ${before}
      union all select community_id, author_id, 'thread.posted', 'thread', id, created_at
        from threads where created_at < ${before}
      union all select t.community_id, p.author_id, 'reply.posted', 'post', p.id, p.created_at
        from posts p join threads t on t.id = p.thread_id where p.created_at < ${before}
      union all select t.community_id, r.user_id, 'reaction.added', 'thread', r.thread_id, r.created_at
        from reactions r join threads t on t.id = r.thread_id where r.created_at < ${before}
      union all select m.community_id, a.user_id, 'meeting.attended', 'meeting', m.id, m.starts_at
        from meeting_attendance a join meetings m on m.id = a.meeting_id where m.starts_at < ${before}
      union all select community_id, author_id, 'resource.added', 'resource', id, created_at
        from resources where created_at < ${before}
      union all select r.community_id, a.user_id,
          case a.kind when 'view' then 'resource.viewed' else 'resource.downloaded' end, 'resource', r.id,
          (a.day::timestamp + interval '12 hours') at time zone 'UTC'
        from resource_activity a join resources r on r.id = a.resource_id
        where (a.day::timestamp + interval '12 hours') at time zone 'UTC' < ${before}
      union all select r.community_id, u.user_id, 'resource.used', 'resource', r.id, u.created_at
        from resource_uses u join resources r on r.id = u.resource_id where u.created_at < ${before}`);
    await tx.execute(sql`update institution_settings set activity_log_began_at = ${before} where id = 1`);
    return began;
  });
}
