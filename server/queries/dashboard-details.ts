import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from './raw-rows.ts';

/**
 * The dashboard's figures that are not sums of the daily roll-up (#17 §1): questions and their first
 * replies, meetings held with taken attendance, and Ping and check-in response rates. Each reads the
 * community's own rows through their (community, time) indexes; days are UTC dates.
 */

const startOf = (day: string) => sql`(${day}::date)::timestamp at time zone 'UTC'`;
const endOf = (day: string) => sql`(${day}::date + 1)::timestamp at time zone 'UTC'`;

export interface QuestionFigures {
  questions: number;
  answered: number;
  helpful: number;
  /** The median time from a question to its first reply by someone else, in hours; null without one. */
  medianFirstReplyHours: number | null;
}

/**
 * Questions asked in the range (the community's threads by their creation, through
 * `threads_community_created_idx`), how many got a reply from someone other than the asker, how many have a reply marked as
 * the helpful answer (any thread), and the median time to that first reply.
 */
export async function findQuestionFigures(
  db: Db,
  communityId: string,
  from: string,
  to: string,
  splitAt: string,
): Promise<{ current: QuestionFigures; previous: QuestionFigures }> {
  const rows = rowsOf<{
    is_current: boolean;
    questions: number;
    answered: number;
    helpful: number;
    median: number | null;
  }>(
    await db.execute(sql`with posted as (
        select t.id, t.kind, t.created_at, t.author_id, t.helpful_post_id from threads t
        where t.community_id = ${communityId} and t.created_at >= ${startOf(from)} and t.created_at < ${endOf(to)}
          and t.deleted_at is null),
      tagged as (
        select q.created_at >= ${startOf(splitAt)} as is_current, q.kind, q.helpful_post_id,
          case when q.kind = 'question' then (select min(p.created_at) from posts p where p.thread_id = q.id
            and p.deleted_at is null and p.author_id is distinct from q.author_id) - q.created_at end as wait
        from posted q)
      select is_current, count(*) filter (where kind = 'question')::int as questions,
        count(wait)::int as answered, count(helpful_post_id)::int as helpful,
        percentile_cont(0.5) within group (order by extract(epoch from wait) / 3600)
          filter (where wait is not null) as median
      from tagged group by is_current`),
  );
  const of = (current: boolean): QuestionFigures => {
    const row = rows.find((r) => r.is_current === current);
    return {
      questions: Number(row?.questions ?? 0),
      answered: Number(row?.answered ?? 0),
      helpful: Number(row?.helpful ?? 0),
      medianFirstReplyHours: row?.median === null || row?.median === undefined ? null : Number(row.median),
    };
  };
  return { current: of(true), previous: of(false) };
}

export interface MeetingFigures {
  held: number;
  attendees: number;
  lastHeldAt: Date | null;
}

/** Meetings in the range that took place with attendance taken (RSVPs do not count), and their attendees. */
export async function findMeetingFigures(
  db: Db,
  communityId: string,
  from: string,
  to: string,
  splitAt: string,
): Promise<{ current: MeetingFigures; previous: MeetingFigures }> {
  const rows = rowsOf<{ is_current: boolean; held: number; attendees: number; last_held: string | null }>(
    await db.execute(sql`select m.starts_at >= ${startOf(splitAt)} as is_current, count(*)::int as held,
        coalesce(sum((select count(*) from meeting_attendance a where a.meeting_id = m.id)), 0)::int as attendees,
        max(m.starts_at) as last_held
      from meetings m where m.community_id = ${communityId} and m.starts_at >= ${startOf(from)}
        and m.starts_at < ${endOf(to)} and m.attendance_taken_at is not null and m.status <> 'cancelled'
      group by 1`),
  );
  const of = (current: boolean): MeetingFigures => {
    const row = rows.find((r) => r.is_current === current);
    return {
      held: Number(row?.held ?? 0),
      attendees: Number(row?.attendees ?? 0),
      lastHeldAt: row?.last_held ? new Date(row.last_held) : null,
    };
  };
  return { current: of(true), previous: of(false) };
}

export interface AskedRound {
  kind: 'ping' | 'survey';
  title: string;
  round: number;
  opensAt: Date;
  asked: number;
  answered: number;
}

/**
 * Pings and check-in rounds opened in the range, oldest first (the trend across rounds): how many were
 * asked and how many answered. Counts only: anonymous answers stay counts, never tied to a person.
 */
export async function listAskedRounds(
  db: Db,
  communityId: string,
  from: string,
  to: string,
): Promise<AskedRound[]> {
  const rows = rowsOf<{
    kind: 'ping' | 'survey';
    title: string;
    round: number;
    opens_at: string;
    asked: number;
    answered: number;
  }>(
    await db.execute(sql`select 'ping' as kind, question as title, 1 as round, opens_at, recipient_count as asked,
        answer_count as answered from pings
      where community_id = ${communityId} and opens_at >= ${startOf(from)} and opens_at < ${endOf(to)}
        and opens_at <= now()
      union all
      select 'survey', s.title, r.number, r.opens_at, r.invitee_count, r.response_count
      from surveys s join survey_rounds r on r.survey_id = s.id
      where s.community_id = ${communityId} and r.opens_at >= ${startOf(from)} and r.opens_at < ${endOf(to)}
        and r.opens_at <= now()
      order by opens_at limit 100`),
  );
  return rows.map((r) => ({
    kind: r.kind,
    title: r.title,
    round: Number(r.round),
    opensAt: new Date(r.opens_at),
    asked: Number(r.asked),
    answered: Number(r.answered),
  }));
}
