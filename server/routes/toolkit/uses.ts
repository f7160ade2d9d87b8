import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cursorQuery, errorResponses, listOf, okBody } from '../../../common/contracts/shared.ts';
import {
  editUseBody,
  resourceParams,
  resourceUseParams,
  resourceUseSchema,
  useBody,
} from '../../../common/contracts/toolkit.ts';
import { requireActor } from '../../plugins/auth.ts';
import { presentResourceUse } from '../../presenters/toolkit.ts';
import { listResourceUses } from '../../queries/toolkit.ts';
import { loadVisibleResource } from '../../services/toolkit/load-resource.ts';
import { startResourceDiscussion } from '../../services/toolkit/resource-discussion.ts';
import { deleteUse, editUse, recordUse } from '../../services/toolkit/resource-uses.ts';
import { created, ok, tags } from './route-parts.ts';

/** What members record of using a resource ("I used this"), and the resource’s discussion. */
export const resourceUseRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/resources/:id/uses',
    {
      schema: {
        tags,
        summary: 'The "I used this" records of a resource, newest first.',
        params: resourceParams,
        querystring: cursorQuery,
        response: { 200: listOf(resourceUseSchema), ...errorResponses },
      },
    },
    async (request) => {
      const found = await loadVisibleResource(db(), request.actor, request.params.id);
      const { rows, nextCursor } = await listResourceUses(db(), found.resource.id, request.query);
      return { data: rows.map(presentResourceUse), nextCursor };
    },
  );

  app.post(
    '/resources/:id/uses',
    {
      schema: {
        tags,
        summary:
          '"I used this": record that you used or adapted the resource, and what happened (once each).',
        params: resourceParams,
        body: useBody,
        response: { 201: created, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await recordUse(app.deps, requireActor(request), request.params.id, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.patch(
    '/resources/:id/uses/:useId',
    {
      schema: {
        tags,
        summary: 'Change an "I used this" record.',
        params: resourceUseParams,
        body: editUseBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await editUse(app.deps, requireActor(request), request.params.id, request.params.useId, request.body);
      return ok;
    },
  );

  app.delete(
    '/resources/:id/uses/:useId',
    {
      schema: {
        tags,
        summary: 'Remove an "I used this" record.',
        params: resourceUseParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await deleteUse(app.deps, requireActor(request), request.params.id, request.params.useId);
      return ok;
    },
  );

  app.post(
    '/resources/:id/discussion',
    {
      schema: {
        tags,
        summary:
          'The resource’s own discussion: starts it (201) or returns the one already started (200); read and reply through /threads/:id.',
        params: resourceParams,
        response: { 200: created, 201: created, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, started } = await startResourceDiscussion(
        app.deps,
        requireActor(request),
        request.params.id,
      );
      return reply.status(started ? 201 : 200).send({ data: { id } });
    },
  );
};
