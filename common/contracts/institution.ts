import { z } from 'zod';

export const institutionSchema = z.object({
  name: z.string(),
  logoUrl: z.string().nullable(),
  setupNeeded: z.boolean(),
  smtpConfigured: z.boolean(),
});
export const unitSchema = z.object({ id: z.string(), name: z.string(), memberCount: z.number() });
