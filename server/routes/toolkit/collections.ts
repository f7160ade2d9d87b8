import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import { dataOf, errorResponses, idParams, okBody } from '../../../common/contracts/shared.ts';
import {
  collectionBody,
  collectionDetailSchema,
  collectionResourcesBody,
  editCollectionBody,
} from '../../../common/contracts/toolkit.ts';
import { notFound } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import { isAllowed } from '../../policies/decision.ts';
import { mayCurateToolkit } from '../../policies/toolkit.ts';
import { presentCollection, presentResourceSummary } from '../../presenters/toolkit.ts';
import { findCollection, listResources } from '../../queries/toolkit.ts';
import {
  addCollection,
  editCollection,
  loadVisibleCollection,
  removeCollection,
  setCollectionResources,
} from '../../services/toolkit/curate.ts';
import { created, ok, tags } from './route-parts.ts';

const collectionPageSize = 200;

/** A Toolkit's collections: add, read, edit, remove, and the resources in them. */
export const collectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.post(
    '/communities/:slug/toolkit/collections',
    {
      schema: {
        tags,
        summary: 'Start a collection of resources (leaders and coordinators).',
        params: slugParams,
        body: collectionBody,
        response: { 201: created, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await addCollection(app.deps, requireActor(request), request.params.slug, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.get(
    '/toolkit/collections/:id',
    {
      schema: {
        tags,
        summary: 'A collection with its resources, in order.',
        params: idParams,
        response: { 200: dataOf(collectionDetailSchema), ...errorResponses },
      },
    },
    async (request) => {
      const found = await loadVisibleCollection(db(), request.actor, request.params.id);
      const [collection, list] = await Promise.all([
        findCollection(db(), found.collection.id),
        listResources(db(), found.community.id, {
          collectionId: found.collection.id,
          sort: 'newest',
          limit: collectionPageSize,
        }),
      ]);
      if (!collection) throw notFound('errors.notFound.collection');
      return {
        data: {
          ...presentCollection(collection),
          community: { id: found.community.id, slug: found.community.slug, name: found.community.name },
          resources: list.rows.map(presentResourceSummary),
          abilities: {
            curate: isAllowed(mayCurateToolkit(request.actor, found.community, found.membership)),
          },
        },
      };
    },
  );

  app.patch(
    '/toolkit/collections/:id',
    {
      schema: {
        tags,
        summary: 'Rename or describe a collection.',
        params: idParams,
        body: editCollectionBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await editCollection(app.deps, requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  app.delete(
    '/toolkit/collections/:id',
    {
      schema: {
        tags,
        summary: 'Remove a collection (its resources stay in the Toolkit).',
        params: idParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await removeCollection(app.deps, requireActor(request), request.params.id);
      return ok;
    },
  );

  app.put(
    '/toolkit/collections/:id/resources',
    {
      schema: {
        tags,
        summary: 'Set which resources a collection holds, in order.',
        params: idParams,
        body: collectionResourcesBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await setCollectionResources(
        app.deps,
        requireActor(request),
        request.params.id,
        request.body.resourceIds,
      );
      return ok;
    },
  );
};
