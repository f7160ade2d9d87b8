import { type SQL, sql } from 'drizzle-orm';
import type { SuggestionKind } from '../../common/contracts/stories.ts';
import { successionLimits } from '../../common/contracts/succession.ts';
import type { ActivityKind, CommunityStage } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import {
  actionItems,
  activityEvents,
  communities,
  communityMembers,
  leadershipTerms,
  meetings,
  successions,
  suggestionDismissals,
  surveyRounds,
  surveys,
  threads,
  users,
} from '../db/schema/index.ts';
import { rowsOf } from './raw-rows.ts';

/**
 * The signals behind the leaders' suggestions (#17 §3), read from the log and the community's records
 * in one statement (no query per member): each part reads its own index.
 */

/**
 * What counts as taking part (#17 §1): posting, replying, reacting, attending (taken attendance),
 * answering a Ping or a check-in, adding or using a resource, recording a value story. Joining,
 * leaving, viewing and RSVPs do not.
 */
export const participationKinds = [
  'thread.posted',
  'reply.posted',
  'reaction.added',
  'meeting.attended',
  'resource.added',
  'resource.used',
  'ping.answered',
  'survey.answered',
  'story.recorded',
] as const satisfies readonly ActivityKind[];

/** The instants the signals are measured at, worked out by the caller (exact, whatever the time zone). */
export interface SignalWindows {
  now: Date;
  /** 90 and 180 days before now: the current and the previous window of participation. */
  since90: Date;
  since180: Date;
  /** Two calendar months before now (UTC). */
  twoMonthsAgo: Date;
  /** A week before now: questions older than this with no reply. */
  weekAgo: Date;
  /** A term (13 weeks) before now: a check-in round opened since then counts for this term. */
  termAgo: Date;
  /** A week after now: a recurring check-in's next round opening before then is due. */
  weekAhead: Date;
  /** Today in UTC (YYYY-MM-DD): an action item due before today is overdue. */
  today: string;
}

export interface SignalRow {
  stage: CommunityStage;
  createdAt: string;
  activeNow: number;
  activeBefore: number;
  meetingsHeld90: number;
  upcomingMeetings: number;
  lastMeeting: { id: string; startsAt: string } | null;
  questions: { id: string; title: string; createdAt: string }[] | null;
  overdue: { id: string; title: string; dueOn: string }[] | null;
  lastRound: { id: string; opensAt: string } | null;
  /** Recurring check-ins still running with the opening of their next round. */
  recurring: { id: string; title: string; next: number; opensAt: string }[] | null;
  dismissals: { kind: SuggestionKind; subject: string; level: number }[] | null;
  /** Leaders whose term ends within 30 days (or ended), while no succession is under way (#18 §1). */
  termsEnding: { userId: string; name: string; endsOn: string }[] | null;
}

const listed = 5;

const iso = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * The CTE `actors(id)`: every person with an event in the community, found by a skip scan of the
 * (community, actor, time) index (one probe per person, however many events each has). With
 * `activeBetween`, distinct active members cost a few probes per person instead of reading every event
 * of the window.
 */
export function actorsOf(communityId: string): SQL {
  return sql`actors(id) as (
    (select e.actor_id from ${activityEvents} e where e.community_id = ${communityId} and e.actor_id is not null
      order by e.actor_id limit 1)
    union all
    select (select e.actor_id from ${activityEvents} e where e.community_id = ${communityId} and e.actor_id > a.id
      order by e.actor_id limit 1)
    from actors a where a.id is not null)`;
}

/** Whether the person `actors.id` took part (`participationKinds`) in the community in [from, to). */
export function activeBetween(communityId: string, from: Date, to: Date): SQL {
  const kinds = sql.join(
    participationKinds.map((kind) => sql`${kind}`),
    sql`, `,
  );
  return sql`exists (select 1 from ${activityEvents} p where p.community_id = ${communityId}
    and p.actor_id = actors.id and p.occurred_at >= ${iso(from)} and p.occurred_at < ${iso(to)}
    and p.kind in (${kinds}))`;
}

/** Every signal of one community at `w.now`, in one statement. */
export async function readSignals(
  db: Db,
  communityId: string,
  w: SignalWindows,
): Promise<SignalRow | undefined> {
  const held = sql`m.community_id = ${communityId} and m.status <> 'cancelled' and m.starts_at <= ${iso(w.now)}`;
  const result = await db.execute(sql`
    with recursive ${actorsOf(communityId)},
    active as (select count(*) filter (where ${activeBetween(communityId, w.since90, w.now)})::int as now,
      count(*) filter (where ${activeBetween(communityId, w.since180, w.since90)})::int as before
      from actors where actors.id is not null)
    select c.stage, to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
      active.now as "activeNow", active.before as "activeBefore",
      (select count(*)::int from ${meetings} m where ${held} and m.starts_at >= ${iso(w.since90)}) as "meetingsHeld90",
      (select count(*)::int from ${meetings} m where m.community_id = ${communityId}
        and m.status = 'scheduled' and m.starts_at > ${iso(w.now)}) as "upcomingMeetings",
      (select json_build_object('id', m.id, 'startsAt', m.starts_at) from ${meetings} m where ${held}
        order by m.starts_at desc limit 1) as "lastMeeting",
      (select json_agg(q) from (select t.id, t.title, t.created_at as "createdAt" from ${threads} t
        where t.community_id = ${communityId} and t.kind = 'question' and t.reply_count = 0
          and t.deleted_at is null and t.hidden_at is null and t.created_at <= ${iso(w.weekAgo)}
        order by t.created_at limit ${listed}) q) as questions,
      (select json_agg(a) from (select i.id, i.title, i.due_on as "dueOn" from ${actionItems} i
        where i.community_id = ${communityId} and i.status <> 'done' and i.due_on < ${w.today}::date
        order by i.due_on, i.id limit ${listed}) a) as overdue,
      (select json_build_object('id', r.id, 'opensAt', r.opens_at) from ${surveyRounds} r
        join ${surveys} s on s.id = r.survey_id
        where s.community_id = ${communityId} and r.opens_at <= ${iso(w.now)}
        order by r.opens_at desc limit 1) as "lastRound",
      (select json_agg(d) from (
        select s.id, s.title, last.number + 1 as next,
          last.opens_at + make_interval(weeks => case when s.recurrence = 'term' then 13 else s.every_weeks end) as "opensAt"
        from ${surveys} s
        cross join lateral (select r.number, r.opens_at from ${surveyRounds} r where r.survey_id = s.id
          order by r.number desc limit 1) last
        where s.community_id = ${communityId} and s.recurrence <> 'none' and s.closed_at is null) d) as recurring,
      (select json_agg(x) from (select d.kind, d.subject, d.level from ${suggestionDismissals} d
        where d.community_id = ${communityId}) x) as dismissals,
      (select json_agg(e) from (select t.user_id as "userId", u.display_name as name, t.ends_on::text as "endsOn"
        from ${leadershipTerms} t
        join ${communityMembers} lm on lm.community_id = t.community_id and lm.user_id = t.user_id
          and lm.role in ('leader', 'co_leader')
        join ${users} u on u.id = t.user_id
        where t.community_id = ${communityId} and t.ends_on is not null
          and t.ends_on <= ${w.today}::date + ${successionLimits.suggestWithinDays}::int
          and not exists (select 1 from ${successions} s where s.community_id = ${communityId}
            and s.status in ('nominating', 'deciding', 'decided'))
        order by t.ends_on, t.user_id limit ${listed}) e) as "termsEnding"
    from ${communities} c, active where c.id = ${communityId}`);
  return rowsOf<SignalRow>(result)[0];
}

/** Records (or renews) a dismissal of a suggestion at the signal's current level. */
export async function upsertSuggestionDismissal(
  db: Db,
  dismissal: {
    communityId: string;
    kind: SuggestionKind;
    subject: string;
    level: number;
    dismissedBy: string;
  },
): Promise<void> {
  await db
    .insert(suggestionDismissals)
    .values(dismissal)
    .onConflictDoUpdate({
      target: [suggestionDismissals.communityId, suggestionDismissals.kind, suggestionDismissals.subject],
      set: { level: dismissal.level, dismissedBy: dismissal.dismissedBy, dismissedAt: sql`now()` },
    });
}
