import type { Locale } from '../../../common/i18n/locales.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { findSeriesByIds, listSeriesMeetings } from '../../queries/meeting-feeds.ts';
import { buildCalendarFile } from './calendar-file.ts';
import { loadVisibleMeeting } from './load-meeting.ts';

/**
 * One meeting's "Add to calendar" file: the lone meeting, or, for an occurrence of a series, the
 * whole series as the feeds write it (the RRULE with its EXDATEs and an override for each edited or
 * cancelled occurrence, under the same UIDs), so a calendar that also subscribes to a feed shows
 * each meeting once. The file names no calendar: apps import its events instead of offering a new
 * calendar. Copse's own words are in `locale` (the request's). 404 when the actor may not see the meeting.
 */
export async function buildMeetingCalendar(
  db: Db,
  publicUrl: string,
  actor: Actor | null,
  id: string,
  locale: Locale,
): Promise<{ text: string; filename: string }> {
  const { meeting, community } = await loadVisibleMeeting(db, actor, id);
  const rows = meeting.seriesId
    ? await listSeriesMeetings(db, meeting.seriesId)
    : [{ ...meeting, communityName: community.name, myRsvp: null }];
  const text = buildCalendarFile({
    name: null,
    locale,
    publicUrl,
    meetings: rows,
    series: await findSeriesByIds(db, meeting.seriesId ? [meeting.seriesId] : []),
  });
  return { text, filename: `meeting-${meeting.id.slice(0, 8)}.ics` };
}
