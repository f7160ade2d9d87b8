import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MentoringPairStatus, MentoringSide } from '../../../common/enums.ts';
import { users } from './accounts.ts';
import { meetings } from './meetings.ts';

/**
 * Mentoring (#18 §2), institution-wide: a member's offer to mentor or wish for a mentor on named skills
 * (expertise tags, lower case), with their availability. One row per person and side. A mentor's `cap`
 * (1–10) bounds their active mentees; `activeCount` is kept under the offer row's lock when a pairing
 * is accepted or closed, so two accepts at the same moment cannot pass the cap.
 */
export const mentoringOffers = pgTable(
  'mentoring_offers',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    side: text('side').$type<MentoringSide>().notNull(),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    availability: text('availability').notNull().default(''),
    /** Weekly pattern: day-part slots such as 'mon-am', 'thu-pm'. */
    weekly: text('weekly').array().notNull().default(sql`'{}'::text[]`),
    cap: integer('cap'),
    activeCount: integer('active_count').notNull().default(0),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.side] }),
    index('mentoring_offers_skills_idx').using('gin', t.skills),
    // The coordinators' overview: mentors at their cap.
    index('mentoring_offers_full_idx').on(t.side, t.updatedAt).where(sql`${t.activeCount} >= ${t.cap}`),
    check('mentoring_offers_cap_check', sql`${t.cap} is null or ${t.cap} between 1 and 10`),
  ],
);

/**
 * A mentoring pairing: requested by the mentee, accepted or declined by the mentor, closed by either
 * with a reflection. The pair's private space holds the next meeting (one at a time, with an .ics file)
 * and the shared notes. At most one open (requested or active) pairing per mentor and mentee.
 */
export const mentoringPairs = pgTable(
  'mentoring_pairs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    menteeId: uuid('mentee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').$type<MentoringPairStatus>().notNull().default('requested'),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    message: text('message').notNull().default(''),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    /** The closing reflection; a value story (#11) may be made of it later (see services/mentoring/close-pairing.ts). */
    reflection: text('reflection').notNull().default(''),
    meetingAt: timestamp('meeting_at', { withTimezone: true }),
    meetingMinutes: integer('meeting_minutes'),
    meetingPlace: text('meeting_place').notNull().default(''),
    meetingUrl: text('meeting_url'),
  },
  (t) => [
    index('mentoring_pairs_mentor_idx').on(t.mentorId, t.status, t.requestedAt),
    index('mentoring_pairs_mentee_idx').on(t.menteeId, t.status, t.requestedAt),
    // The coordinators' overview: counts by status, the open pairings and their skills.
    index('mentoring_pairs_status_idx').on(t.status, t.requestedAt),
    uniqueIndex('mentoring_pairs_open_idx')
      .on(t.mentorId, t.menteeId)
      .where(sql`status in ('requested', 'active')`),
  ],
);

/** Shared notes of a pair (markdown), listed newest first with keyset pagination. */
export const mentoringNotes = pgTable(
  'mentoring_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pairId: uuid('pair_id')
      .notNull()
      .references(() => mentoringPairs.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mentoring_notes_pair_time_idx').on(t.pairId, t.createdAt, t.id),
    // A person's reflections, for their data export (#19).
    index('mentoring_notes_author_idx').on(t.authorId),
  ],
);

/**
 * The skills a skill-building session builds (#18 §5): expertise tags, lower case. Found by skill
 * ("Sessions for your skills", a skill's sessions on the profile) through the (skill, meeting) index.
 */
export const meetingSkills = pgTable(
  'meeting_skills',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    skill: text('skill').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.skill] }),
    index('meeting_skills_skill_idx').on(t.skill, t.meetingId),
  ],
);
