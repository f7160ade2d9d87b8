import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The one row of institution-wide settings (id is always 1). */
export const institutionSettings = pgTable(
  'institution_settings',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull().default('Copse'),
    logoPath: text('logo_path'),
    /** For signed-out visitors, invitations to new people and the seeded charter template. */
    defaultLanguage: text('default_language').notNull().default('en'),
    logoContentType: text('logo_content_type'),
    setupCompletedAt: timestamp('setup_completed_at', { withTimezone: true }),
    /** Single sign-on only: local sign-in is left to administrators (break-glass) and external guests. */
    ssoOnly: boolean('sso_only').notNull().default(false),
    /** The portfolio's flags (#17 §4): dormant = no member active for this many days. */
    dormantDays: integer('dormant_days').notNull().default(60),
    /** Growing = members up by at least this share (per cent) over the last 30 days. */
    growingPercent: integer('growing_percent').notNull().default(10),
    /** When the event log began (set by the dashboard's back-fill): what came before is rebuilt in part. */
    activityLogBeganAt: timestamp('activity_log_began_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('institution_settings_singleton', sql`${t.id} = 1`)],
);

/** Units (faculties, departments, schools) people belong to. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('units_name_lower_idx').on(sql`lower(${t.name})`)],
);
