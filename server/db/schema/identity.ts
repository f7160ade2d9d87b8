import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PersonKind } from '../../../common/enums.ts';
import { personKindEnum, sessions, users } from './accounts.ts';

/**
 * OpenID Connect identity providers administrators configured for single sign-on. The client secret is
 * kept encrypted (`server/lib/secret-box.ts`) and never sent back to the browser.
 */
export const identityProviders = pgTable(
  'identity_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    clientSecretSealed: text('client_secret_sealed').notNull(),
    scopes: text('scopes').notNull().default('openid email profile'),
    /** Which claims give the display name, the email, the unit and the kind of person. */
    nameClaim: text('name_claim').notNull().default('name'),
    emailClaim: text('email_claim').notNull().default('email'),
    unitClaim: text('unit_claim').notNull().default(''),
    /** Claim value → unit name; a value not listed is taken as a unit name itself. */
    unitMap: jsonb('unit_map').$type<Record<string, string>>().notNull().default({}),
    kindClaim: text('kind_claim').notNull().default(''),
    /** Claim value → kind of person; values not listed give `defaultKind`. */
    kindMap: jsonb('kind_map').$type<Record<string, PersonKind>>().notNull().default({}),
    defaultKind: personKindEnum('default_kind').notNull().default('staff'),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('identity_providers_name_idx').on(sql`lower(${t.name})`, t.id)],
);

/** Accounts signed in through a provider, keyed on (issuer, subject), never on the email address. */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id').references(() => identityProviders.id, { onDelete: 'set null' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('user_identities_issuer_subject_unique').on(t.issuer, t.subject),
    index('user_identities_user_id_idx').on(t.userId),
    index('user_identities_provider_id_idx').on(t.providerId),
  ],
);

/**
 * Sign-ins under way: the state (its SHA-256 is the id), nonce and PKCE verifier of one redirect to a
 * provider, deleted when the provider sends the person back, so each is usable once.
 */
export const ssoStates = pgTable(
  'sso_states',
  {
    id: text('id').primaryKey(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => identityProviders.id, { onDelete: 'cascade' }),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    next: text('next'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('sso_states_provider_id_idx').on(t.providerId),
    index('sso_states_expires_at_idx').on(t.expiresAt),
  ],
);

/** Sessions started through a provider: the ID token is the hint for single log-out. */
export const ssoSessions = pgTable(
  'sso_sessions',
  {
    sessionId: text('session_id')
      .primaryKey()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => identityProviders.id, { onDelete: 'cascade' }),
    idToken: text('id_token').notNull(),
  },
  (t) => [index('sso_sessions_provider_id_idx').on(t.providerId)],
);

/**
 * A provider's identity whose email belongs to an existing local account: linked only once the person
 * proves control of that account (its password, or a link sent to its address). `id` is the SHA-256 of
 * the browser's cookie token, `emailTokenHash` of the emailed link's.
 */
export const ssoPendingLinks = pgTable(
  'sso_pending_links',
  {
    id: text('id').primaryKey(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => identityProviders.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    idToken: text('id_token').notNull(),
    emailTokenHash: text('email_token_hash'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('sso_pending_links_provider_id_idx').on(t.providerId),
    index('sso_pending_links_user_id_idx').on(t.userId),
    uniqueIndex('sso_pending_links_email_token_unique').on(t.emailTokenHash),
    index('sso_pending_links_expires_at_idx').on(t.expiresAt),
  ],
);
