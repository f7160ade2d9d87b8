import { z } from 'zod';
import { membershipRoles } from '../enums.ts';
import { emailField, localeField, shortMessageField } from '../fields.ts';
import { cursorQuery, listOf } from './shared.ts';

/** Roles a leader may give by invitation (leaders are made from members, not invited). */
export const invitableRoles = ['member', 'guest', 'sponsor', 'co_leader'] as const;
const invitableRole = z.enum(invitableRoles, 'validation.invitation.role');

export const inviteBody = z.strictObject({
  emails: z
    .array(emailField)
    .min(1, 'validation.invitation.emailsRequired')
    .max(200, 'validation.invitation.tooMany'),
  role: invitableRole.default('member'),
  message: shortMessageField.default(''),
});

export const inviteLinkBody = z.strictObject({
  expiresInDays: z
    .number()
    .int()
    .min(1, 'validation.invitation.minDays')
    .max(90, 'validation.invitation.maxDays')
    .default(14),
  role: z.enum(['member', 'guest'], 'validation.invitation.linkRole').default('member'),
});

/** The open-invitations file: its headings and words in `lang` (the language the page shows), else the reader's. */
export const invitationsCsvQuery = z.object({ lang: localeField.optional() });

export const csvQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .default(true),
  role: invitableRole.default('member'),
});

export const tokenParams = z.object({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, 'validation.invitation.token'),
});

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  /** The name a cohort file gave, as written ('' otherwise). */
  name: z.string(),
  role: z.enum(membershipRoles),
  status: z.string(),
  uses: z.number(),
  createdAt: z.string(),
  expiresAt: z.string(),
  invitedBy: z.string().nullable(),
});

/** Open invitations page by keyset; a cohort import can leave 2,000 of them. */
export const invitationsQuery = cursorQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const invitationListSchema = listOf(invitationSchema).extend({
  /** How many invitations are open in all (every page). */
  total: z.number(),
});

export const inviteResultSchema = z.object({
  results: z.array(
    z.object({ email: z.string(), status: z.enum(['invited', 'already_member', 'already_invited']) }),
  ),
});

export const csvReportSchema = z.object({
  rows: z.array(
    z.object({
      line: z.number(),
      email: z.string(),
      name: z.string(),
      status: z.enum([
        'ok',
        'invited',
        'unreadable',
        'invalid',
        'duplicate',
        'already_member',
        'already_invited',
      ]),
      message: z.string(),
    }),
  ),
  invited: z.number(),
});

export const invitationViewSchema = z.object({
  community: z.object({ slug: z.string(), name: z.string(), purpose: z.string() }),
  /** The project a partner is invited to (#18 §4); null for an invitation to the community. */
  project: z.object({ id: z.string(), title: z.string() }).nullable(),
  role: z.enum(membershipRoles),
  email: z.string().nullable(),
  status: z.enum(['valid', 'expired', 'revoked', 'used']),
  invitedBy: z.string().nullable(),
});

/** A new shareable invitation link. */
export const inviteLinkSchema = z.object({ id: z.string(), url: z.string(), expiresAt: z.string() });

/** An accepted invitation: the community it let you into, or the project for a partner's (#18 §4). */
export const acceptedInvitationSchema = z.object({ slug: z.string(), projectId: z.string().nullable() });
