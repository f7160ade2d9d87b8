import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import { dataOf, errorResponses, listOf } from '../../../common/contracts/shared.ts';
import {
  createResourceBody,
  resourceListQuery,
  resourceSummarySchema,
  toolkitSchema,
} from '../../../common/contracts/toolkit.ts';
import { requireActor } from '../../plugins/auth.ts';
import { isAllowed } from '../../policies/decision.ts';
import { mayAddResource, mayCurateToolkit } from '../../policies/toolkit.ts';
import { presentCollection, presentResourceSummary } from '../../presenters/toolkit.ts';
import {
  countResources,
  listCollections,
  listFeaturedResources,
  listResources,
  listTopics,
} from '../../queries/toolkit.ts';
import { loadVisibleCommunity } from '../../services/communities/load-community.ts';
import { addResource } from '../../services/toolkit/add-resource.ts';
import { created, tags } from './route-parts.ts';

const featuredOnFront = 6;

/** A community's Toolkit page, its resource list, and adding a resource that is not a file. */
export const communityToolkitRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/communities/:slug/toolkit',
    {
      schema: {
        tags,
        summary: 'A community’s Toolkit: featured resources, topics, collections and what you may do.',
        params: slugParams,
        response: { 200: dataOf(toolkitSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { community, membership } = await loadVisibleCommunity(db(), request.actor, request.params.slug);
      const [featured, topics, collections, total] = await Promise.all([
        listFeaturedResources(db(), community.id, featuredOnFront),
        listTopics(db(), community.id),
        listCollections(db(), community.id),
        countResources(db(), community.id),
      ]);
      return {
        data: {
          featured: featured.map(presentResourceSummary),
          topics,
          collections: collections.map(presentCollection),
          counts: { resources: total },
          abilities: {
            contribute: isAllowed(mayAddResource(request.actor, community, membership)),
            curate: isAllowed(mayCurateToolkit(request.actor, community, membership)),
          },
          uploadMaxMb: app.deps.env.UPLOAD_MAX_MB,
        },
      };
    },
  );

  app.get(
    '/communities/:slug/resources',
    {
      schema: {
        tags,
        summary:
          'A community’s resources: newest first, most viewed or by title; filter by words (websearch syntax), kind, topic (with its sub-topics) or collection.',
        params: slugParams,
        querystring: resourceListQuery,
        response: { 200: listOf(resourceSummarySchema), ...errorResponses },
      },
    },
    async (request) => {
      const { community } = await loadVisibleCommunity(db(), request.actor, request.params.slug);
      const { rows, nextCursor } = await listResources(db(), community.id, request.query);
      return { data: rows.map(presentResourceSummary), nextCursor };
    },
  );

  app.post(
    '/communities/:slug/resources',
    {
      schema: {
        tags,
        summary:
          'Add a link, a video link (YouTube and Vimeo embed without tracking), a tool, an article (Markdown) or a link to a document.',
        params: slugParams,
        body: createResourceBody,
        response: { 201: created, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await addResource(app.deps, requireActor(request), request.params.slug, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );
};
