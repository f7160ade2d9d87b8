import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  DecisionProcess,
  HandoverKey,
  NominationStatus,
  OutgoingRole,
  SuccessionStatus,
} from '../../../common/succession-enums.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';

/**
 * A leader's term (#18 §1): from `startsOn` to `endsOn` (none: open-ended), renewable or not. The daily
 * job warns the leader 30 and 7 days before the end (`warnedDays`: the last warning sent) and tells the
 * coordinators once a term has ended without a successor (`endedNotifiedAt`); the leader stays in place.
 */
export const leadershipTerms = pgTable(
  'leadership_terms',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    renewable: boolean('renewable').notNull().default(true),
    warnedDays: integer('warned_days'),
    endedNotifiedAt: timestamp('ended_notified_at', { withTimezone: true }),
    setBy: uuid('set_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.userId] }),
    index('leadership_terms_user_idx').on(t.userId),
    index('leadership_terms_set_by_idx').on(t.setBy),
    index('leadership_terms_ends_idx').on(t.endsOn),
    check('leadership_terms_order', sql`${t.endsOn} is null or ${t.endsOn} > ${t.startsOn}`),
  ],
);

/**
 * A succession: a leader steps down and the community chooses who follows, by the process its charter
 * names at the start (`process`, with its period in days). Under consent a leader proposes an accepted
 * nominee (`candidateId`) and the objection period runs to `closesAt`; an objection reopens nominating.
 * Under a vote the ballot runs to `closesAt`; the tally (`tally`) is recorded at closing. Once decided,
 * `successorId` leads, the outgoing leader takes `outgoingRole`, and the hand-over checklist opens; when
 * both have ticked every item it is handed over (a milestone). One open succession per community.
 */
export const successions = pgTable(
  'successions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    outgoingId: uuid('outgoing_id').references(() => users.id, { onDelete: 'set null' }),
    outgoingRole: text('outgoing_role').$type<OutgoingRole>().notNull(),
    status: text('status').$type<SuccessionStatus>().notNull().default('nominating'),
    process: text('process').$type<DecisionProcess>().notNull(),
    periodDays: integer('period_days').notNull().default(0),
    candidateId: uuid('candidate_id').references(() => users.id, { onDelete: 'set null' }),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    successorId: uuid('successor_id').references(() => users.id, { onDelete: 'set null' }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Under a vote: the votes each nominee received, recorded when the ballot closed. */
    tally: jsonb('tally').$type<{ nomineeId: string; votes: number }[]>(),
    handoverNote: text('handover_note').notNull().default(''),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('successions_one_open_idx')
      .on(t.communityId)
      .where(sql`${t.status} in ('nominating', 'deciding', 'decided')`),
    index('successions_community_started_idx').on(t.communityId, t.startedAt),
    index('successions_closing_idx').on(t.closesAt).where(sql`${t.status} = 'deciding'`),
    index('successions_outgoing_idx').on(t.outgoingId),
    index('successions_candidate_idx').on(t.candidateId),
    index('successions_successor_idx').on(t.successorId),
    index('successions_decided_by_idx').on(t.decidedBy),
  ],
);

/** Who is nominated in a succession, by whom, and their answer (a self-nomination is accepted). */
export const successionNominations = pgTable(
  'succession_nominations',
  {
    successionId: uuid('succession_id')
      .notNull()
      .references(() => successions.id, { onDelete: 'cascade' }),
    nomineeId: uuid('nominee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    nominatedBy: uuid('nominated_by').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').$type<NominationStatus>().notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.successionId, t.nomineeId] }),
    index('succession_nominations_nominee_idx').on(t.nomineeId),
    index('succession_nominations_by_idx').on(t.nominatedBy),
  ],
);

/** A reasoned objection to the proposed successor under consent; it reopens nominating. */
export const successionObjections = pgTable(
  'succession_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    successionId: uuid('succession_id')
      .notNull()
      .references(() => successions.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id').references(() => users.id, { onDelete: 'set null' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('succession_objections_succession_idx').on(t.successionId, t.createdAt),
    index('succession_objections_candidate_idx').on(t.candidateId),
    index('succession_objections_user_idx').on(t.userId),
  ],
);

/**
 * Who has voted in a succession (one vote each). The ballots themselves are in `succession_ballots`,
 * with no link to the voter: the vote is secret.
 */
export const successionVoters = pgTable(
  'succession_voters',
  {
    successionId: uuid('succession_id')
      .notNull()
      .references(() => successions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.successionId, t.userId] }),
    index('succession_voters_user_idx').on(t.userId),
  ],
);

/** A secret ballot: for whom, never by whom. */
export const successionBallots = pgTable(
  'succession_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    successionId: uuid('succession_id')
      .notNull()
      .references(() => successions.id, { onDelete: 'cascade' }),
    nomineeId: uuid('nominee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('succession_ballots_succession_idx').on(t.successionId, t.nomineeId),
    index('succession_ballots_nominee_idx').on(t.nomineeId),
  ],
);

/** The hand-over checklist of a decided succession: each item ticked by the outgoing and the new leader. */
export const handoverItems = pgTable(
  'handover_items',
  {
    successionId: uuid('succession_id')
      .notNull()
      .references(() => successions.id, { onDelete: 'cascade' }),
    key: text('key').$type<HandoverKey>().notNull(),
    tickedByOutgoingAt: timestamp('ticked_by_outgoing_at', { withTimezone: true }),
    tickedByIncomingAt: timestamp('ticked_by_incoming_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.successionId, t.key] })],
);
