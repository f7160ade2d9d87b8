import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { meetingKinds, meetingStatuses, rsvpStatuses } from '../../../common/enums.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';

export const meetingKindEnum = pgEnum('meeting_kind', meetingKinds);
export const meetingStatusEnum = pgEnum('meeting_status', meetingStatuses);
export const rsvpStatusEnum = pgEnum('rsvp_status', rsvpStatuses);
export const reminderKindEnum = pgEnum('reminder_kind', ['day', 'hour']);

/**
 * A recurring meeting's rule. `rrule` is the RFC 5545 RRULE value, always bounded (UNTIL or COUNT);
 * `firstStart` is the local wall time of the first occurrence in `timeZone` ("2026-12-01T15:00");
 * `exceptions` are the local dates skipped (EXDATE). Occurrences are rows of `meetings`, written when
 * the series is scheduled, so every read is a plain indexed range query.
 */
export const meetingSeries = pgTable(
  'meeting_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    rrule: text('rrule').notNull(),
    firstStart: text('first_start').notNull(),
    timeZone: text('time_zone').notNull(),
    exceptions: text('exceptions').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_series_community_idx').on(t.communityId)],
);

/**
 * Meetings, workshops and conferences: one row per occurrence. `originalStart` is the occurrence's
 * start before any edit (its RECURRENCE-ID); `detached` marks an occurrence edited or cancelled on
 * its own, which calendar feeds write as an override of the series. `goingCount` and `waitlistCount`
 * are kept by the RSVP service under the meeting row's lock.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    seriesId: uuid('series_id').references(() => meetingSeries.id, { onDelete: 'set null' }),
    originalStart: timestamp('original_start', { withTimezone: true }),
    detached: boolean('detached').notNull().default(false),
    kind: meetingKindEnum('kind').notNull().default('meeting'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    agenda: text('agenda').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    onlineUrl: text('online_url'),
    room: text('room'),
    capacity: integer('capacity'),
    status: meetingStatusEnum('status').notNull().default('scheduled'),
    cancelReason: text('cancel_reason').notNull().default(''),
    goingCount: integer('going_count').notNull().default(0),
    waitlistCount: integer('waitlist_count').notNull().default(0),
    notes: text('notes').notNull().default(''),
    recordingUrl: text('recording_url'),
    attendanceTakenAt: timestamp('attendance_taken_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    sequence: integer('sequence').notNull().default(0),
    /** A skill-building session (#18 §5): its skills are in `meeting_skills`. */
    skillSession: boolean('skill_session').notNull().default(false),
  },
  (t) => [
    // Skill-building sessions (#18 §5) soonest first, a small share of meetings: "Sessions for your skills".
    index('meetings_skill_session_start_idx').on(t.startsAt, t.id).where(sql`skill_session`),
    index('meetings_community_start_idx').on(t.communityId, t.startsAt, t.id),
    index('meetings_series_idx').on(t.seriesId, t.originalStart),
    index('meetings_upcoming_idx').on(t.startsAt).where(sql`${t.status} = 'scheduled'`),
    index('meetings_created_by_idx').on(t.createdBy),
    check('meetings_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('meetings_capacity_positive', sql`${t.capacity} is null or ${t.capacity} > 0`),
    check('meetings_counts_nonnegative', sql`${t.goingCount} >= 0 and ${t.waitlistCount} >= 0`),
  ],
);

/** Answers to a meeting: going, maybe, not going, or waiting for a place (in `respondedAt` order). */
export const meetingRsvps = pgTable(
  'meeting_rsvps',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: rsvpStatusEnum('status').notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.userId] }),
    index('meeting_rsvps_user_idx').on(t.userId, t.meetingId),
    index('meeting_rsvps_queue_idx').on(t.meetingId, t.status, t.respondedAt),
  ],
);

/** Activity roles a community's leaders add beside the default ones (facilitator, note-taker, host). */
export const activityRoles = pgTable(
  'activity_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('activity_roles_community_name_unique').on(t.communityId, sql`lower(${t.name})`)],
);

/** Who takes which activity role at a meeting: assigned by a leader or volunteered. */
export const meetingRoleAssignments = pgTable(
  'meeting_role_assignments',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    volunteered: boolean('volunteered').notNull().default(false),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.role] }),
    index('meeting_role_assignments_user_idx').on(t.userId),
  ],
);

/** Who came to a meeting, recorded by its host or leaders afterwards. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.userId] }),
    index('meeting_attendance_user_idx').on(t.userId),
    index('meeting_attendance_recorded_by_idx').on(t.recordedBy),
  ],
);

/** Follow-up actions agreed at a meeting. */
export const meetingActions = pgTable(
  'meeting_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    done: boolean('done').notNull().default(false),
  },
  (t) => [
    index('meeting_actions_meeting_idx').on(t.meetingId, t.position),
    index('meeting_actions_assignee_idx').on(t.assigneeId),
  ],
);

/** Reminders sent: the primary key is what makes a reminder go out at most once. */
export const meetingReminders = pgTable(
  'meeting_reminders',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: reminderKindEnum('kind').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.userId, t.kind] }),
    index('meeting_reminders_user_idx').on(t.userId),
  ],
);

/**
 * A member's private calendar feed address. The token is kept as is (not hashed) because the member
 * must be able to copy the address again; it only reads meetings, and revoking replaces it.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    token: text('token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calendar_feeds_token_unique').on(t.token)],
);
