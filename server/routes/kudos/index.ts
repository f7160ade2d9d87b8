import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import { giveKudosBody, kudosForQuery, kudosParams, kudosSchema } from '../../../common/contracts/kudos.ts';
import { dataOf, errorResponses, idSchema, okBody } from '../../../common/contracts/shared.ts';
import { requireActor } from '../../plugins/auth.ts';
import { getCommunityKudos, getKudosFor, giveKudos, withdrawKudos } from '../../services/kudos/kudos.ts';

const tags = ['recognition'];

/** Kudos (#16 §4): thanks from one member to another for a contribution. */
export const kudosRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/kudos',
    {
      schema: {
        tags,
        summary:
          'Members: thank the person behind a contribution (a thread, a reply, a Toolkit resource, a meeting they hosted) with a short message; they are told. One from each member for each contribution.',
        body: giveKudosBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await giveKudos(app.deps, requireActor(request), request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.get(
    '/kudos',
    {
      schema: {
        tags,
        summary:
          'The kudos for one contribution, oldest first (for a thread: also those for its replies), for those who may see it.',
        querystring: kudosForQuery,
        response: { 200: dataOf(z.array(kudosSchema)), ...errorResponses },
      },
    },
    async (request) => ({
      data: await getKudosFor(app.deps, request.actor, request.query.subjectType, request.query.subjectId),
    }),
  );

  app.delete(
    '/kudos/:id',
    {
      schema: {
        tags,
        summary: 'Take back kudos you gave.',
        params: kudosParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await withdrawKudos(app.deps, requireActor(request), request.params.id);
      return { data: { ok: true as const } };
    },
  );

  app.get(
    '/communities/:slug/kudos',
    {
      schema: {
        tags,
        summary: 'The community’s latest kudos (50), newest first, for those who may see the community.',
        params: slugParams,
        response: { 200: dataOf(z.array(kudosSchema)), ...errorResponses },
      },
    },
    async (request) => ({ data: await getCommunityKudos(app.deps, request.actor, request.params.slug) }),
  );
};
