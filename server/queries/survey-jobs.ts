import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  communities,
  communityMembers,
  communitySuspensions,
  surveyInvitees,
  surveyReminders,
  surveyRounds,
  surveys,
  users,
} from '../db/schema/index.ts';
import { rowsOf } from './raw-rows.ts';

/** What the check-in job (`surveys.rounds`) finds and claims (#16 §2); each statement is safe to run twice. */

/** A recurring survey's period as an interval: 13 weeks for "every term", else its weeks. */
const period = sql`make_interval(weeks => case s.recurrence when 'term' then 13 else coalesce(s.every_weeks, 1) end)`;

/**
 * Writes the next round of every recurring survey that is due (not stopped; the next round's opening time
 * has come), in one statement: the first round's window moved by the period times the round's place.
 * The (survey, number) key makes a second run write nothing. Answers how many were written.
 */
export async function insertDueSurveyRounds(db: Db): Promise<number> {
  const result = await db.execute(sql`insert into ${surveyRounds} (survey_id, number, opens_at, closes_at)
    select s.id, last.number + 1, s.opens_at + ${period} * last.number, s.closes_at + ${period} * last.number
    from ${surveys} s
    cross join lateral (select max(r.number) as number from ${surveyRounds} r where r.survey_id = s.id) last
    where s.recurrence <> 'none' and s.closed_at is null and last.number is not null
      and s.opens_at + ${period} * last.number <= now()
    on conflict do nothing
    returning id`);
  return rowsOf(result).length;
}

/** Rounds that have opened and not been announced (their invitees not fixed yet), with their survey. */
export async function listRoundsToAnnounce(db: Db, limit: number) {
  const result = await db.execute(sql`select r.id as round_id, s.id as survey_id
    from ${surveyRounds} r join ${surveys} s on s.id = r.survey_id
    where r.announced_at is null and r.opens_at <= now() and r.closes_at > now() and s.closed_at is null
    order by r.opens_at limit ${limit}`);
  return rowsOf<{ round_id: string; survey_id: string }>(result).map((row) => ({
    roundId: row.round_id,
    surveyId: row.survey_id,
  }));
}

/**
 * Finds the reminders that are due and claims them in the same statement: in the last two days of an
 * open round (the second half, for a shorter one), each invitee who has not answered, is still an active
 * member and not suspended, once per round and person (`survey_reminders`' key, `on conflict do nothing`),
 * so a reminder goes out at most once however many workers run. Never to those who have answered.
 */
export async function claimDueSurveyReminders(db: Db) {
  const result = await db.execute(sql`
    with due as (
      select r.id as round_id, i.user_id, s.id as survey_id, s.title, r.closes_at, c.id as community_id,
        c.name as community_name
      from ${surveyRounds} r
      join ${surveys} s on s.id = r.survey_id and s.closed_at is null
      join ${communities} c on c.id = s.community_id and c.stage <> 'archived'
      join ${surveyInvitees} i on i.round_id = r.id and i.answered_at is null
      join ${users} u on u.id = i.user_id and u.suspended_at is null
      join ${communityMembers} m on m.community_id = s.community_id and m.user_id = i.user_id
      where r.announced_at is not null and r.closed_at is null and r.closes_at > now()
        and now() >= r.closes_at - least(interval '2 days', (r.closes_at - r.opens_at) / 2)
        and not exists (select 1 from ${communitySuspensions} cs where cs.community_id = s.community_id
          and cs.user_id = i.user_id and cs.lifted_at is null and (cs.ends_at is null or cs.ends_at > now()))
    ), claimed as (
      insert into ${surveyReminders} (round_id, user_id, kind)
      select round_id, user_id, 'closing' from due
      on conflict do nothing
      returning round_id, user_id
    )
    select due.* from due join claimed using (round_id, user_id)`);
  return rowsOf<{
    round_id: string;
    user_id: string;
    survey_id: string;
    title: string;
    closes_at: string | Date;
    community_id: string;
    community_name: string;
  }>(result);
}
