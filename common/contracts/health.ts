import { z } from 'zod';

export const healthBody = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgres']),
});

export const liveBody = z.object({ status: z.literal('ok') });
