import { sql } from 'drizzle-orm';
import type { DigestFrequency } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import {
  communities,
  communityEmailPreferences,
  communityMembers,
  digests,
  meetingRsvps,
  meetings,
  notificationPreferences,
  notifications,
  pingRecipients,
  pings,
  resourceActivity,
  resources,
  surveyInvitees,
  surveyRounds,
  surveys,
  threadReads,
  threads,
  users,
} from '../db/schema/index.ts';
import type { NotificationParams } from '../lib/notification-params.ts';
import { rowsOf } from './raw-rows.ts';

/** A uuid[] literal as one parameter: a batch of a thousand ids is one placeholder, not a thousand. */
function uuidArray(ids: readonly string[]) {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/**
 * The people whose local time at `now` is `hour` (their profile's zone), not suspended, in id order: who
 * the hourly digest job writes to. `monday` says whether their local day is a Monday (the weekly
 * digest's day). One statement for the whole run (a campus's ids are a few megabytes); the job then works
 * through them in batches.
 */
export async function listDigestMembersAt(
  db: Db,
  now: Date,
  hour: number,
): Promise<{ id: string; monday: boolean }[]> {
  const at = sql`(${now.toISOString()}::timestamptz at time zone u.time_zone)`;
  const rows = rowsOf<{ id: string; monday: boolean }>(
    await db.execute(sql`
      select u.id, extract(isodow from ${at}) = 1 as monday
      from ${users} u
      where u.suspended_at is null and extract(hour from ${at}) = ${hour}
      order by u.id`),
  );
  return rows.map((row) => ({ id: String(row.id), monday: row.monday === true }));
}

/** What a digest needs to know of its reader, for a batch of people: one statement. */
export async function listDigestReaders(db: Db, ids: readonly string[]) {
  const rows = rowsOf<{
    id: string;
    email: string;
    display_name: string;
    language: string | null;
    time_zone: string;
  }>(
    await db.execute(sql`
      select id, email, display_name, language, time_zone from ${users} where id = any(${uuidArray(ids)})`),
  );
  return rows.map((row) => ({
    id: String(row.id),
    email: row.email,
    displayName: row.display_name,
    language: row.language,
    timeZone: row.time_zone,
  }));
}

/** The sections of a digest, in the order the email shows them. */
export const digestSections = [
  'announcement',
  'notification',
  'thread',
  'resource',
  'meeting',
  'ping',
  'survey',
] as const;
export type DigestSection = (typeof digestSections)[number];

export interface DigestItemRow {
  userId: string;
  section: DigestSection;
  at: Date;
  title: string;
  titleKey: string | null;
  params: NotificationParams | null;
  url: string;
  communityId: string | null;
  community: string | null;
  /** How many items the member has in this section (only the newest `perSection` are returned). */
  total: number;
}

/**
 * Everything new for a batch of members' digests of one frequency, and not yet seen, in one statement
 * (set-based: the batch's members, their communities and every section at once). For each member, "new"
 * is after their last digest of this frequency (else one period back). Seen means (ARCHITECTURE.md,
 * "Digests"): a notification read; a thread read at or after its last activity (`thread_reads`); a
 * resource viewed (`resource_activity`); a meeting answered (an RSVP); a Ping or a check-in round answered. A member's own
 * threads, resources and meetings are never news to them. The communities a member's summary covers are
 * those whose choice (the member's override, else their `community.digest` choice, else weekly) is this
 * frequency. Returns the newest `perSection` items of each section per member, with the section's total.
 */
export async function listDigestItems(
  db: Db,
  ids: readonly string[],
  frequency: DigestFrequency,
  now: Date,
  perSection: number,
): Promise<DigestItemRow[]> {
  const result = await db.execute(digestItemsStatement(ids, frequency, now, perSection));
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    userId: String(row.user_id),
    section: row.section as DigestSection,
    at: new Date(row.at as string | Date),
    title: String(row.title),
    titleKey: (row.title_key as string | null) ?? null,
    params: (row.params as NotificationParams | null) ?? null,
    url: String(row.url),
    communityId: (row.community_id as string | null) ?? null,
    community: (row.community as string | null) ?? null,
    total: Number(row.total),
  }));
}

/** The statement of `listDigestItems` (exported for EXPLAIN in the benchmark). */
export function digestItemsStatement(
  ids: readonly string[],
  frequency: DigestFrequency,
  now: Date,
  perSection: number,
) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const period = frequency === 'daily' ? sql`interval '1 day'` : sql`interval '7 days'`;
  return sql`
    with people as materialized (
      select p.id as user_id,
        coalesce(
          (select max(d.sent_at) from ${digests} d where d.user_id = p.id and d.frequency = ${frequency}),
          ${at} - ${period}
        ) as since,
        coalesce(
          (select np.email::text from ${notificationPreferences} np
            where np.user_id = p.id and np.kind = 'community.digest'),
          'weekly'
        ) as summary
      from unnest(${uuidArray(ids)}) as p(id)
    ),
    covered as materialized (
      select p.user_id, p.since, m.community_id
      from people p
      join ${communityMembers} m on m.user_id = p.user_id and not m.project_only
      left join ${communityEmailPreferences} ce on ce.user_id = p.user_id and ce.community_id = m.community_id
      where coalesce(case when ce.email in ('daily', 'weekly', 'off') then ce.email::text end, p.summary)
        = ${frequency}
    ),
    items as (
      select n.user_id,
        case when n.kind in ('community.announcement', 'admin.announcement') then 'announcement'
          when n.kind = 'community.ping' then 'ping' else 'notification' end as section,
        n.created_at as at, n.title, n.title_key, n.params, n.url, n.community_id
      from people p
      join ${notifications} n on n.user_id = p.user_id and n.digest = ${frequency}
        and n.read_at is null and n.created_at > p.since
        -- A check-in's announcement and reminder: the open-check-ins section lists the round itself, with
        -- its title, and drops it once answered.
        and n.kind <> 'community.checkin'
      union all
      select c.user_id, case when t.kind = 'announcement' then 'announcement' else 'thread' end,
        t.last_activity_at, t.title, null, null, '/discussions/' || t.id, t.community_id
      from covered c
      join ${threads} t on t.community_id = c.community_id and t.last_activity_at > c.since
      where t.deleted_at is null and t.hidden_at is null
        and t.author_id is distinct from c.user_id
        -- One probe of the primary key (thread, person) per thread: unread since its last activity.
        and coalesce(
          (select r.last_read_at from ${threadReads} r where r.thread_id = t.id and r.user_id = c.user_id),
          '-infinity'
        ) < t.last_activity_at
      union all
      select c.user_id, 'resource', x.created_at, x.title, null, null, '/resources/' || x.id, x.community_id
      from covered c
      join ${resources} x on x.community_id = c.community_id and x.created_at > c.since and x.deleted_at is null
      where x.author_id is distinct from c.user_id
        -- Scalar probes, not anti-joins: the planner then uses both key columns (resource, person).
        and (select 1 from ${resourceActivity} a
          where a.resource_id = x.id and a.user_id = c.user_id and a.kind = 'view' limit 1) is null
      union all
      select user_id, 'meeting', starts_at, title, null, null, '/meetings/' || id, community_id
      from (
        -- A series scheduled at once is one item: its next meeting.
        select distinct on (c.user_id, coalesce(mt.series_id, mt.id))
          c.user_id, mt.starts_at, mt.title, mt.id, mt.community_id
        from covered c
        join ${meetings} mt on mt.community_id = c.community_id and mt.created_at > c.since
          and mt.status = 'scheduled' and mt.starts_at > ${at}
        where mt.created_by is distinct from c.user_id
          and (select 1 from ${meetingRsvps} r where r.meeting_id = mt.id and r.user_id = c.user_id) is null
        order by c.user_id, coalesce(mt.series_id, mt.id), mt.starts_at
      ) next_meetings
      union all
      select c.user_id, 'ping', pg.opens_at, pg.question, null, null, '/pings/' || pg.id, pg.community_id
      from covered c
      join ${pings} pg on pg.community_id = c.community_id and pg.opens_at > c.since
        and pg.closed_at is null and pg.closes_at > ${at}
      join ${pingRecipients} pr on pr.ping_id = pg.id and pr.user_id = c.user_id and pr.answered_at is null
      union all
      -- A check-in round that opened since, is still open, asks the member and is not answered yet.
      select c.user_id, 'survey', sr.opens_at, sv.title, null, null, '/checkins/' || sv.id, sv.community_id
      from covered c
      join ${surveys} sv on sv.community_id = c.community_id and sv.closed_at is null
      join ${surveyRounds} sr on sr.survey_id = sv.id and sr.opens_at > c.since and sr.opens_at <= ${at}
        and sr.closed_at is null and sr.closes_at > ${at}
      join ${surveyInvitees} si on si.round_id = sr.id and si.user_id = c.user_id and si.answered_at is null
    ),
    ranked as (
      select items.*,
        row_number() over (partition by user_id, section order by at desc, url) as n,
        count(*) over (partition by user_id, section) as total
      from items
    )
    select r.user_id, r.section, r.at, r.title, r.title_key, r.params, r.url, r.community_id,
      co.name as community, r.total
    from ranked r
    left join ${communities} co on co.id = r.community_id
    where r.n <= ${perSection}
    order by r.user_id, r.section, r.at desc`;
}

/**
 * Claims the digests of a batch (one per member, frequency and period) by inserting their rows; answers
 * the members whose digest this call claimed. A second run for the same period claims none of them (the
 * primary key), and a run under way elsewhere makes this one wait for its commit, then claim none: a
 * digest job that runs twice sends once.
 */
export async function claimDigests(
  db: Db,
  frequency: DigestFrequency,
  claims: readonly { userId: string; period: string; items: number }[],
  now: Date,
): Promise<Set<string>> {
  if (claims.length === 0) return new Set();
  const rows = rowsOf<{ user_id: string }>(
    await db.execute(sql`
      insert into ${digests} (user_id, frequency, period, items, sent_at)
      select c.user_id, ${frequency}, c.period, c.items, ${now.toISOString()}::timestamptz
      from unnest(${uuidArray(claims.map((c) => c.userId))},
        ${`{${claims.map((c) => `"${c.period}"`).join(',')}}`}::text[],
        ${`{${claims.map((c) => c.items).join(',')}}`}::int[]) as c(user_id, period, items)
      on conflict do nothing
      returning user_id`),
  );
  return new Set(rows.map((row) => String(row.user_id)));
}
