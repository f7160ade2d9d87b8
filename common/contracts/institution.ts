import { z } from 'zod';
import { localeField } from '../fields.ts';

export const institutionSchema = z.object({
  name: z.string(),
  logoUrl: z.string().nullable(),
  defaultLanguage: localeField,
  setupNeeded: z.boolean(),
  smtpConfigured: z.boolean(),
});
export const unitSchema = z.object({ id: z.string(), name: z.string(), memberCount: z.number() });
