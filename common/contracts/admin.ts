import { z } from 'zod';
import { auditActions } from '../audit-actions.ts';
import { mailStatuses } from '../enums.ts';
import { filterDayField, institutionNameField, localeField, roleField, unitNameField } from '../fields.ts';
import { cursorQuery } from './shared.ts';

export const updateInstitutionBody = z.strictObject({
  name: institutionNameField.optional(),
  defaultLanguage: localeField.optional(),
});
export const unitBody = z.strictObject({ name: unitNameField });
export const usersQuery = cursorQuery.extend({
  q: z.string().trim().max(200).optional(),
  role: roleField.optional(),
  suspended: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const updateUserBody = z
  .strictObject({ role: roleField.optional(), suspended: z.boolean().optional() })
  .refine(
    (body) => body.role !== undefined || body.suspended !== undefined,
    'validation.admin.roleOrSuspended',
  );
export const mailQuery = cursorQuery.extend({ to: z.string().trim().max(254).optional() });
export const mailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  status: z.enum(mailStatuses),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
const auditActionField = z.enum(auditActions, 'audit.validation.action');
const auditDateField = filterDayField('audit.validation.date');

/**
 * The audit log's filters (all optional): actions (the parameter repeated, or one), who acted, what it
 * was about (a type, and an id of that type), a date range (whole days, UTC, both ends included) and
 * words from the names involved.
 */
const auditFilterShape = {
  action: z.union([auditActionField, z.array(auditActionField).max(auditActions.length)]).optional(),
  actor: z.uuid('validation.id.invalid').optional(),
  subjectType: z.string().trim().min(1).max(60).optional(),
  subjectId: z.string().trim().min(1).max(200).optional(),
  from: auditDateField.optional(),
  to: auditDateField.optional(),
  q: z.string().trim().max(200).optional(),
};
type AuditFilterFields = { from?: string | undefined; to?: string | undefined } & {
  subjectType?: string | undefined;
  subjectId?: string | undefined;
};
const rangeInOrder = (query: AuditFilterFields) => !query.from || !query.to || query.from <= query.to;
const subjectTyped = (query: AuditFilterFields) => !query.subjectId || Boolean(query.subjectType);
const rangeRule = { message: 'audit.validation.range', path: ['to'] };
const subjectRule = { message: 'audit.validation.subject', path: ['subjectType'] };

export const auditFilterQuery = z
  .object(auditFilterShape)
  .refine(rangeInOrder, rangeRule)
  .refine(subjectTyped, subjectRule);
export type AuditFilterQuery = z.infer<typeof auditFilterQuery>;
export const auditQuery = cursorQuery
  .extend(auditFilterShape)
  .refine(rangeInOrder, rangeRule)
  .refine(subjectTyped, subjectRule);

export const auditSchema = z.object({
  id: z.string(),
  actor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  /** The subject person's name, when the subject is a person. */
  subjectName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export const unitOut = z.object({ id: z.string(), name: z.string() });
