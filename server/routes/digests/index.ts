import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import { communityEmailBody, communityEmailSchema } from '../../../common/contracts/digests.ts';
import { dataOf, errorResponses } from '../../../common/contracts/shared.ts';
import { requireActor } from '../../plugins/auth.ts';
import {
  getCommunityEmail,
  listCommunityEmails,
  setCommunityEmail,
} from '../../services/digests/community-email.ts';

const tags = ['notifications'];

/** Per-community email choices (#16 §3): at once, daily or weekly digest, or off. */
export const digestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications/communities',
    {
      schema: {
        tags,
        summary: 'Your communities with your email choice for each (null: your per-kind choices apply).',
        response: { 200: dataOf(z.array(communityEmailSchema)), ...errorResponses },
      },
    },
    async (request) => ({ data: await listCommunityEmails(app.deps, requireActor(request)) }),
  );

  app.get(
    '/communities/:slug/email',
    {
      schema: {
        tags,
        summary: 'Members: your email choice for this community.',
        params: slugParams,
        response: { 200: dataOf(communityEmailSchema), ...errorResponses },
      },
    },
    async (request) => ({
      data: await getCommunityEmail(app.deps, requireActor(request), request.params.slug),
    }),
  );

  app.put(
    '/communities/:slug/email',
    {
      schema: {
        tags,
        summary:
          'Members: how this community’s email reaches you (immediately, daily or weekly digest, off; default: your per-kind choices).',
        params: slugParams,
        body: communityEmailBody,
        response: { 200: dataOf(communityEmailSchema), ...errorResponses },
      },
    },
    async (request) => ({
      data: await setCommunityEmail(app.deps, requireActor(request), request.params.slug, request.body),
    }),
  );
};
