import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { whatsNewSchema } from '../../../common/contracts/home.ts';
import { dataOf, errorResponses } from '../../../common/contracts/shared.ts';
import { requireActor } from '../../plugins/auth.ts';
import { presentThreadSummary } from '../../presenters/discussions.ts';
import { presentMeetingCard } from '../../presenters/meetings.ts';
import { presentResourceSummary } from '../../presenters/toolkit.ts';
import { listCalendar } from '../../queries/meetings.ts';
import { listRecentMilestonesFor } from '../../queries/milestones.ts';
import { listFeaturedForMember } from '../../queries/toolkit.ts';
import { listWhatsNew, type WhatsNewRow } from '../../queries/whats-new.ts';

const present = (row: WhatsNewRow) => ({
  ...presentThreadSummary(row),
  community: { slug: row.communitySlug, name: row.communityName },
});

/** How long a community's milestone stays among the celebrations on its members' home page. */
const celebrationDays = 30;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/home',
    {
      schema: {
        tags: ['home'],
        summary:
          'What is new in your communities: the latest announcements, the most active discussions, your next meetings, featured Toolkit resources and the milestones they reached in the last 30 days.',
        response: { 200: dataOf(whatsNewSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const db = app.deps.database.db;
      const { announcements, active } = await listWhatsNew(db, actor.id);
      const meetings = await listCalendar(db, actor, { when: 'upcoming', limit: 5 });
      const featured = await listFeaturedForMember(db, actor.id, 4);
      const celebrations = await listRecentMilestonesFor(db, actor.id, daysAgo(celebrationDays), 3);
      return {
        data: {
          announcements: announcements.map(present),
          activeThreads: active.map(present),
          upcomingMeetings: meetings.rows.map(presentMeetingCard),
          featuredResources: featured.map(presentResourceSummary),
          celebrations: celebrations.map((row) => ({ ...row, reachedAt: row.reachedAt.toISOString() })),
        },
      };
    },
  );
};
