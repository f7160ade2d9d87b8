import { createHash } from 'node:crypto';
import type { I18n } from '@lingui/core';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Locale } from '../../../common/i18n/locales.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { markdownToPlainText } from '../../../common/plain-text.ts';
import type { meetingSeries } from '../../db/schema/index.ts';
import { translator } from '../../lib/i18n.ts';
import type { CircleCalendarRow } from '../../queries/circle-calendar.ts';
import type { FeedMeeting } from '../../queries/meeting-feeds.ts';

type Series = typeof meetingSeries.$inferSelect;

/** A member's answer, shown before the meeting's title in their feed. */
const answerTitle: Record<string, MessageId> = {
  maybe: 'calendar.answer.maybe',
  waitlisted: 'calendar.answer.waitlisted',
  not_going: 'calendar.answer.notGoing',
};

/**
 * An iCalendar file (RFC 5545) of meetings, with a VTIMEZONE for every zone used. A series is one
 * VEVENT with its RRULE and EXDATEs, and an override (RECURRENCE-ID) for each occurrence that was
 * edited on its own, cancelled (STATUS:CANCELLED), or answered in a member's feed (the answer shown in
 * the title; "not going" marked free time). Times are written in the meeting's zone, so calendars keep
 * a 15:00 meeting at 15:00 across daylight-saving changes.
 */
export interface CalendarFileOptions {
  /**
   * A feed's name (X-WR-CALNAME, with a refresh interval), or null for a file people import once
   * ("Add to calendar"): calendar apps offer a named file as a new calendar, and add an unnamed one's
   * events to a calendar of the person's choosing.
   */
  name: string | null;
  /** The language of the words Copse writes (people's titles and descriptions stay as written). */
  locale: Locale;
  publicUrl: string;
  meetings: FeedMeeting[];
  series: Map<string, Series>;
  /** A member's feed marks their answers. */
  withAnswers?: boolean;
  /** A member's feed: the meetings of their peer learning circles (#18 §3), each linking to its circle. */
  circleMeetings?: CircleCalendarRow[];
}

/**
 * Files already written, by a hash of everything they are made of (the options: names, rows, series),
 * least recently used first. Writing a feed costs 7–8 ms of CPU for 140 meetings (ical-generator folds
 * every line character by character; luxon computes zone offsets), hashing its rows about half a
 * millisecond; calendar apps poll a feed far more often than it changes. The key is the content, so a
 * changed meeting, answer, name or series is a new file at once, in every process; only DTSTAMP (when
 * the file was written) stays that of the first request.
 */
const written = new Map<string, string>();
let writtenChars = 0;
const maxWrittenChars = 16 * 2 ** 20;

export function buildCalendarFile(options: CalendarFileOptions): string {
  const series = [...options.series.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        options.name,
        options.locale,
        options.publicUrl,
        options.withAnswers ?? false,
        options.meetings,
        series,
        options.circleMeetings ?? [],
      ]),
    )
    .digest('base64url');
  const known = written.get(key);
  if (known !== undefined) {
    written.delete(key);
    written.set(key, known);
    return known;
  }
  const text = writeCalendarFile(options);
  written.set(key, text);
  writtenChars += text.length;
  for (const [oldest, file] of written) {
    if (writtenChars <= maxWrittenChars || oldest === key) break;
    written.delete(oldest);
    writtenChars -= file.length;
  }
  return text;
}

function writeCalendarFile(options: CalendarFileOptions): string {
  const calendar = ical({
    prodId: { company: 'Copse', product: 'Copse', language: options.locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    ...(options.name === null ? {} : { name: options.name, ttl: 3600 }),
  });
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  const host = new URL(options.publicUrl).host;
  const uid = (id: string) => `${id}@${host}`;
  const mastered = new Set<string>();
  const t = translator(options.locale);

  for (const meeting of options.meetings) {
    const series = meeting.seriesId ? options.series.get(meeting.seriesId) : undefined;
    const answer = options.withAnswers ? meeting.myRsvp : null;
    const details = eventDetails(t, meeting, options.publicUrl, answer);
    if (!series) {
      calendar.createEvent({ id: uid(meeting.id), ...details });
      continue;
    }
    if (!mastered.has(series.id)) {
      mastered.add(series.id);
      const template = options.meetings.find((m) => m.seriesId === series.id && !m.detached) ?? meeting;
      const first = DateTime.fromISO(series.firstStart, { zone: series.timeZone });
      const length = template.endsAt.getTime() - template.startsAt.getTime();
      const exdates = series.exceptions.map(
        (day) => `${day.replaceAll('-', '')}T${series.firstStart.slice(11).replace(':', '')}00`,
      );
      calendar.createEvent({
        id: uid(series.id),
        ...eventDetails(t, template, options.publicUrl, null),
        start: first,
        end: first.plus({ milliseconds: length }),
        timezone: series.timeZone,
        status: ICalEventStatus.CONFIRMED,
        repeating: [
          `RRULE:${series.rrule}`,
          ...(exdates.length > 0 ? [`EXDATE;TZID=${series.timeZone}:${exdates.join(',')}`] : []),
        ].join('\r\n'),
      });
    }
    if (meeting.detached || meeting.status === 'cancelled' || answer) {
      calendar.createEvent({
        id: uid(series.id),
        ...details,
        recurrenceId: DateTime.fromJSDate(meeting.originalStart ?? meeting.startsAt, {
          zone: series.timeZone,
        }),
      });
    }
  }
  for (const meeting of options.circleMeetings ?? []) {
    const url = `${options.publicUrl}/circles/${meeting.circleId}`;
    calendar.createEvent({
      id: uid(`circle-meeting-${meeting.id}`),
      start: meeting.startsAt,
      end: new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000),
      summary: meeting.title,
      description: t._('calendar.event.circle', {
        circle: meeting.circleName,
        community: meeting.communityName,
        url,
      }),
      location: meeting.place || null,
      url,
      lastModified: meeting.createdAt,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

function eventDetails(t: I18n, meeting: FeedMeeting, publicUrl: string, answer: string | null) {
  const zone = meeting.timeZone;
  const answered = answer ? answerTitle[answer] : undefined;
  const url = `${publicUrl}/meetings/${meeting.id}`;
  const location = [meeting.room, meeting.onlineUrl].filter(Boolean).join(' · ');
  const lines = [
    meeting.status === 'cancelled'
      ? t._('calendar.event.cancelled', { reason: meeting.cancelReason }).trim()
      : '',
    markdownToPlainText(meeting.description, { keepLines: true }),
    meeting.agenda
      ? `${t._('calendar.event.agenda')}\n${markdownToPlainText(meeting.agenda, { keepLines: true })}`
      : '',
    meeting.onlineUrl ? t._('calendar.event.joinOnline', { url: meeting.onlineUrl }) : '',
    t._('calendar.event.link', { community: meeting.communityName, url }),
  ].filter(Boolean);
  return {
    start: DateTime.fromJSDate(meeting.startsAt, { zone }),
    end: DateTime.fromJSDate(meeting.endsAt, { zone }),
    timezone: zone,
    summary: answered ? t._(answered, { title: meeting.title }) : meeting.title,
    description: lines.join('\n\n'),
    location: location || null,
    url,
    sequence: meeting.sequence,
    lastModified: meeting.updatedAt,
    status: meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    transparency: answer === 'not_going' ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
  };
}
