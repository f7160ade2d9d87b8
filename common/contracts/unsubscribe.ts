import { z } from 'zod';
import { notificationKinds } from '../enums.ts';

/** The token of an unsubscribe link (from a notification email's footer or List-Unsubscribe header). */
export const unsubscribeParams = z.strictObject({ token: z.string().min(1).max(600) });

/**
 * What a link stops (one kind, all emails, the digests, or one community's emails: `community` names it),
 * for whom (the address half hidden), and whether those emails are already off.
 */
export const unsubscribeLinkSchema = z.object({
  scope: z.enum([...notificationKinds, 'all', 'digest', 'community']),
  community: z.object({ name: z.string(), slug: z.string() }).nullable(),
  email: z.string(),
  off: z.boolean(),
});
