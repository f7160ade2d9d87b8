import { z } from 'zod';
import { threadSummarySchema } from './discussions.ts';
import { meetingCardSchema } from './meetings.ts';
import { recentMilestoneSchema } from './milestones.ts';
import { resourceSummarySchema } from './toolkit.ts';

const threadWithCommunity = threadSummarySchema.extend({
  community: z.object({ slug: z.string(), name: z.string() }),
});

export const whatsNewSchema = z.object({
  announcements: z.array(threadWithCommunity),
  activeThreads: z.array(threadWithCommunity),
  upcomingMeetings: z.array(meetingCardSchema),
  featuredResources: z.array(resourceSummarySchema),
  /** Milestones your communities reached in the last 30 days (at most three). */
  celebrations: z.array(recentMilestoneSchema),
});
