import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { meetingActions, meetingAttendance, meetings } from '../db/schema/index.ts';

/** What is recorded after a meeting: who came, the notes, the recording and the follow-up actions. */

/** Forgets who came to a meeting (before the new list is written). */
export async function deleteMeetingAttendance(db: Db, meetingId: string): Promise<void> {
  await db.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId));
}

/** The people already recorded as having come to the meeting (a former member among them stays on it). */
export async function listMeetingAttendeeIds(db: Db, meetingId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: meetingAttendance.userId })
    .from(meetingAttendance)
    .where(eq(meetingAttendance.meetingId, meetingId));
  return rows.map((row) => row.userId);
}

/** Records these people as having come to the meeting, in one statement. */
export async function insertMeetingAttendance(
  db: Db,
  meetingId: string,
  userIds: string[],
  recordedBy: string,
): Promise<void> {
  if (userIds.length === 0) return;
  await db.insert(meetingAttendance).values(userIds.map((userId) => ({ meetingId, userId, recordedBy })));
}

/** Marks the meeting's attendance as taken, now. */
export async function markAttendanceTaken(db: Db, meetingId: string): Promise<void> {
  await db
    .update(meetings)
    .set({ attendanceTakenAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(meetings.id, meetingId));
}

/** Sets the meeting's notes and, unless undefined, its recording link. */
export async function updateMeetingNotes(
  db: Db,
  meetingId: string,
  change: { notes: string; recordingUrl?: string | null | undefined },
): Promise<void> {
  await db
    .update(meetings)
    .set({
      notes: change.notes,
      ...(change.recordingUrl !== undefined ? { recordingUrl: change.recordingUrl } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(meetings.id, meetingId));
}

/** Deletes the meeting's follow-up actions (before the new list is written). */
export async function deleteMeetingActions(db: Db, meetingId: string): Promise<void> {
  await db.delete(meetingActions).where(eq(meetingActions.meetingId, meetingId));
}

/** Writes the meeting's follow-up actions in one statement, in list order. */
export async function insertMeetingActions(
  db: Db,
  meetingId: string,
  actions: { text: string; assigneeId: string | null; done: boolean }[],
): Promise<void> {
  if (actions.length === 0) return;
  await db
    .insert(meetingActions)
    .values(actions.map((action, position) => ({ meetingId, position, ...action })));
}
