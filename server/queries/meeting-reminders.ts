import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { meetingReminders, meetingRsvps, meetings, users } from '../db/schema/index.ts';
import { rowsOf } from './raw-rows.ts';

/**
 * One reminder: its kind, the window before the start in which it is due (PostgreSQL intervals, written
 * into the statement) and the member's preference column that turns it on.
 */
export interface ReminderWindow {
  kind: 'day' | 'hour';
  ahead: '24 hours' | '1 hour';
  after: '1 hour' | '0 seconds';
  preference: 'remind_day_before' | 'remind_hour_before';
}

/**
 * Finds the reminders of one window that are due (scheduled meetings, people going or maybe who are not
 * suspended and want it) and claims them by inserting their `meeting_reminders` rows in the same
 * statement, so a reminder is found at most once, however many workers run. Answers the claimed ones
 * with what the message needs (snake_case columns, as PostgreSQL names them).
 */
export async function claimDueReminders(db: Db, window: ReminderWindow) {
  const claimed: unknown = await db.execute(sql`
    with due as (
      select m.id as meeting_id, r.user_id, m.title, m.starts_at, m.time_zone, m.online_url, m.room,
        u.time_zone as person_zone
      from ${meetings} m
      join ${meetingRsvps} r on r.meeting_id = m.id and r.status in ('going', 'maybe')
      join ${users} u on u.id = r.user_id and u.suspended_at is null and u.${sql.raw(window.preference)}
      where m.status = 'scheduled'
        and m.starts_at > now() + interval '${sql.raw(window.after)}'
        and m.starts_at <= now() + interval '${sql.raw(window.ahead)}'
    ), claimed as (
      insert into ${meetingReminders} (meeting_id, user_id, kind)
      select meeting_id, user_id, ${window.kind}::reminder_kind from due
      on conflict do nothing
      returning meeting_id, user_id
    )
    select due.* from due join claimed using (meeting_id, user_id)`);
  return rowsOf(claimed);
}
