import { moment } from '../../lib/notification-params.ts';
import { claimDueReminders, type ReminderWindow } from '../../queries/meeting-reminders.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';

/** The two reminders: how long before the start each is due, and the member's preference for it. */
const reminderWindows: readonly ReminderWindow[] = [
  { kind: 'day', ahead: '24 hours', after: '1 hour', preference: 'remind_day_before' },
  { kind: 'hour', ahead: '1 hour', after: '0 seconds', preference: 'remind_hour_before' },
];

interface DueReminder {
  meetingId: string;
  userId: string;
  kind: 'day' | 'hour';
  title: string;
  startsAt: Date;
  timeZone: string;
  personZone: string;
  onlineUrl: string | null;
  room: string | null;
}

/**
 * Sends the reminders that are due: a day before (from 24 to 1 hours ahead) and an hour before, to
 * everyone who answered going or maybe and wants that reminder, for meetings still scheduled. Each
 * reminder is claimed by inserting its row in `meeting_reminders` (primary key meeting, person, kind)
 * in the same statement that finds it, so a reminder goes out at most once, however many workers run.
 * One unit of work: the emails go to the job queue in one batch after the commit. Returns how many
 * reminders were sent.
 */
export async function sendDueReminders(
  deps: Pick<ServiceDeps, 'database' | 'jobs'>,
  publicUrl: string,
): Promise<number> {
  return unitOfWork(deps, async (tx, outbox) => {
    const due: DueReminder[] = [];
    for (const window of reminderWindows) {
      const rows = await claimDueReminders(tx, window);
      for (const row of rows) {
        due.push({
          meetingId: String(row.meeting_id),
          userId: String(row.user_id),
          kind: window.kind,
          title: String(row.title),
          startsAt: new Date(row.starts_at as string | Date),
          timeZone: String(row.time_zone),
          personZone: String(row.person_zone),
          onlineUrl: (row.online_url as string | null) ?? null,
          room: (row.room as string | null) ?? null,
        });
      }
    }
    for (const reminder of due) {
      // The time in the person's zone, written out in each reader's language.
      const starts = { meeting: reminder.title, when: moment(reminder.startsAt, reminder.personZone) };
      const { room, onlineUrl } = reminder;
      await notifyUser(tx, outbox, publicUrl, {
        userId: reminder.userId,
        kind: 'meeting.reminder',
        title: phrase(
          reminder.kind === 'day' ? 'notify.meeting.reminderDay.title' : 'notify.meeting.reminderHour.title',
          { meeting: reminder.title },
        ),
        body:
          room && onlineUrl
            ? phrase('notify.meeting.reminderRoomOrOnline.body', { ...starts, room, online: onlineUrl })
            : room || onlineUrl
              ? phrase('notify.meeting.reminderWhere.body', { ...starts, where: room || onlineUrl || '' })
              : phrase('notify.meeting.reminder.body', starts),
        url: `/meetings/${reminder.meetingId}`,
      });
    }
    return due.length;
  });
}
