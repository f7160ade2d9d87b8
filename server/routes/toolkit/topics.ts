import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import { errorResponses, idParams, okBody } from '../../../common/contracts/shared.ts';
import { renameTopicBody, topicBody } from '../../../common/contracts/toolkit.ts';
import { requireActor } from '../../plugins/auth.ts';
import { addTopic, removeTopic, renameTopic } from '../../services/toolkit/curate.ts';
import { created, ok, tags } from './route-parts.ts';

/** A Toolkit's topics: add, rename, remove. */
export const topicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/communities/:slug/toolkit/topics',
    {
      schema: {
        tags,
        summary: 'Add a topic, or a sub-topic under a top-level topic (leaders and coordinators).',
        params: slugParams,
        body: topicBody,
        response: { 201: created, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await addTopic(app.deps, requireActor(request), request.params.slug, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.patch(
    '/toolkit/topics/:id',
    {
      schema: {
        tags,
        summary: 'Rename a topic.',
        params: idParams,
        body: renameTopicBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await renameTopic(app.deps, requireActor(request), request.params.id, request.body.name);
      return ok;
    },
  );

  app.delete(
    '/toolkit/topics/:id',
    {
      schema: {
        tags,
        summary: 'Remove a topic and its sub-topics (the resources stay).',
        params: idParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await removeTopic(app.deps, requireActor(request), request.params.id);
      return ok;
    },
  );
};
