import type { FastifyPluginAsync } from 'fastify';
import { adminRoutes } from './admin/index.ts';
import { authRoutes } from './auth/index.ts';
import { calendarRoutes } from './calendar/index.ts';
import { charterTemplateRoutes } from './charter-template/index.ts';
import { communityRoutes } from './communities/index.ts';
import { contactRoutes } from './contact/index.ts';
import { discussionRoutes } from './discussions/index.ts';
import { moderationRoutes } from './discussions/moderation.ts';
import { healthRoutes } from './health/index.ts';
import { homeRoutes } from './home/index.ts';
import { institutionRoutes } from './institution/index.ts';
import { invitationRoutes } from './invitations/index.ts';
import { meetingRoutes } from './meetings/index.ts';
import { notificationRoutes } from './notifications/index.ts';
import { peopleRoutes } from './people/index.ts';
import { proposalRoutes } from './proposals/index.ts';
import { searchRoutes } from './search/index.ts';

/** Every API route, registered explicitly (no autoload), under /api. */
export const registerRoutes: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes);
  await app.register(institutionRoutes);
  await app.register(authRoutes);
  await app.register(peopleRoutes);
  await app.register(notificationRoutes);
  await app.register(communityRoutes);
  await app.register(invitationRoutes);
  await app.register(adminRoutes, { prefix: '/admin' });
  await app.register(proposalRoutes);
  await app.register(charterTemplateRoutes, { prefix: '/admin' });
  await app.register(contactRoutes);
  await app.register(meetingRoutes);
  await app.register(calendarRoutes);
  await app.register(discussionRoutes);
  await app.register(moderationRoutes);
  await app.register(searchRoutes);
  await app.register(homeRoutes);
};
