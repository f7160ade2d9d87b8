import { z } from 'zod';
import { emailChoices } from '../enums.ts';

/**
 * A member's email choice for one community (#16 §3): `email` is their override (immediately, daily or
 * weekly digest, off), null when their per-kind choices apply; `effective` is what the community's
 * summary follows (the override, else their choice for the digest kind).
 */
export const communityEmailSchema = z.object({
  communityId: z.string(),
  slug: z.string(),
  name: z.string(),
  email: z.enum(emailChoices).nullable(),
});
export type CommunityEmail = z.infer<typeof communityEmailSchema>;

/** Setting one community's choice; `default` removes the override (the per-kind choices apply again). */
export const communityEmailBody = z.strictObject({ email: z.enum([...emailChoices, 'default']) });
export type CommunityEmailInput = z.infer<typeof communityEmailBody>;
