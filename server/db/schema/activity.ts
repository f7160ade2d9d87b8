import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ActivityKind } from '../../../common/enums.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';

/**
 * The event log (#16 §5): who did what, when, in which community, written in the same transaction as
 * each action. `actorId` is null for anonymous Ping answers (whose `occurredAt` is also only the day).
 * `kind` is one of common/enums.ts `activityKinds`; `subjectType`/`subjectId` name what was acted on.
 */
export const activityEvents = pgTable(
  'activity_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').$type<ActivityKind>().notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activity_events_community_time_idx').on(t.communityId, t.occurredAt),
    index('activity_events_community_actor_time_idx').on(t.communityId, t.actorId, t.occurredAt),
    index('activity_events_actor_idx').on(t.actorId),
    // The nightly roll-up reads one day of every community (#17 §1).
    index('activity_events_time_idx').on(t.occurredAt),
    // Counts of one kind in a window (the value-creation matrix, #17 §2), index-only: the distinct
    // resources viewed read the subject from the index too.
    index('activity_events_community_kind_time_idx').on(t.communityId, t.kind, t.occurredAt, t.subjectId),
  ],
);
