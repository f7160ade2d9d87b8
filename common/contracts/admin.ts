import { z } from 'zod';
import { mailStatuses } from '../enums.ts';
import { institutionNameField, localeField, roleField, unitNameField } from '../fields.ts';
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
export const auditSchema = z.object({
  id: z.string(),
  actor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export const unitOut = z.object({ id: z.string(), name: z.string() });
