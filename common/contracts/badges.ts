import { z } from 'zod';
import { badgeKinds } from '../enums.ts';

/** A badge a member earned in a community for a contribution (#16 §4). */
export const badgeSchema = z.object({
  id: z.string(),
  kind: z.enum(badgeKinds),
  earnedAt: z.string(),
  community: z.object({ slug: z.string(), name: z.string() }),
});
export type Badge = z.infer<typeof badgeSchema>;

/** A member's badges on their profile, in the communities the viewer may see. */
export const badgeListSchema = z.object({
  /**
   * Whether the member shows their badges to others. When false, others get no badges; the member
   * themselves still sees them, with a note that they are hidden.
   */
  shown: z.boolean(),
  badges: z.array(badgeSchema),
});
export type BadgeList = z.infer<typeof badgeListSchema>;
