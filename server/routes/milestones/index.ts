import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import {
  milestoneListSchema,
  milestoneNoteBody,
  milestoneParams,
} from '../../../common/contracts/milestones.ts';
import { dataOf, errorResponses, okBody } from '../../../common/contracts/shared.ts';
import { requireActor } from '../../plugins/auth.ts';
import { getCommunityMilestones, noteMilestone } from '../../services/milestones/milestones.ts';

const tags = ['recognition'];

/** A community's own milestones (#16 §4). */
export const milestoneRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/communities/:slug/milestones',
    {
      schema: {
        tags,
        summary:
          'The community’s milestones (first meeting held, 10/50/100 members, a resource used ten times, its first year), newest first, with the leaders’ word on each.',
        params: slugParams,
        response: { 200: dataOf(milestoneListSchema), ...errorResponses },
      },
    },
    async (request) => ({
      data: await getCommunityMilestones(app.deps, request.actor, request.params.slug),
    }),
  );

  app.put(
    '/milestones/:id/note',
    {
      schema: {
        tags,
        summary: 'Leaders and coordinators: add a word to a milestone’s celebration (empty takes it away).',
        params: milestoneParams,
        body: milestoneNoteBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await noteMilestone(app.deps, requireActor(request), request.params.id, request.body.note);
      return { data: { ok: true as const } };
    },
  );
};
