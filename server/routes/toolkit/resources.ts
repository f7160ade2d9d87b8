import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf, errorResponses, okBody } from '../../../common/contracts/shared.ts';
import {
  editResourceBody,
  featureBody,
  resourceParams,
  resourceSchema,
} from '../../../common/contracts/toolkit.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { downloadHeaders } from '../../lib/files/content-disposition.ts';
import { requireActor } from '../../plugins/auth.ts';
import { isInlineImage, presentResource } from '../../presenters/toolkit.ts';
import { deleteResource, editResource, setFeatured } from '../../services/toolkit/change-resource.ts';
import { countOnce } from '../../services/toolkit/count-activity.ts';
import { loadVisibleResource } from '../../services/toolkit/load-resource.ts';
import { isToolkitStorageKey } from '../../services/toolkit/stored-files.ts';
import { ok, tags } from './route-parts.ts';

/** One resource: read, edit, delete, feature, and its stored file (download, inline image). */
export const resourceRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/resources/:id',
    {
      schema: {
        tags,
        summary:
          'A resource with its content, file or embed, discussion and your "I used this" (counts your view once a day).',
        params: resourceParams,
        response: { 200: dataOf(resourceSchema), ...errorResponses },
      },
    },
    async (request) => {
      const found = await loadVisibleResource(db(), request.actor, request.params.id);
      const counted = await countOnce(db(), found.resource.id, request.actor?.id ?? null, 'view');
      // The page shows the view it just counted.
      if (counted) found.resource.viewCount += 1;
      return { data: presentResource(found, request.actor) };
    },
  );

  app.patch(
    '/resources/:id',
    {
      schema: {
        tags,
        summary: 'Edit a resource’s title, description, link, article text or topics.',
        params: resourceParams,
        body: editResourceBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await editResource(app.deps, requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  app.delete(
    '/resources/:id',
    {
      schema: {
        tags,
        summary: 'Delete a resource (softly).',
        params: resourceParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await deleteResource(app.deps, requireActor(request), request.params.id);
      return ok;
    },
  );

  app.put(
    '/resources/:id/featured',
    {
      schema: {
        tags,
        summary: 'Feature a resource on the Toolkit and members’ home pages, or stop featuring it.',
        params: resourceParams,
        body: featureBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await setFeatured(app.deps, requireActor(request), request.params.id, request.body.featured);
      return ok;
    },
  );

  /** A resource's stored file with safe headers; images may be shown inline. */
  async function storedFile(actor: Actor | null, resourceId: string, disposition: 'attachment' | 'inline') {
    const found = await loadVisibleResource(db(), actor, resourceId);
    const { fileKey, fileMime, fileName } = found.resource;
    if (!fileKey || !fileMime || !fileName || !isToolkitStorageKey(fileKey))
      throw notFound('errors.notFound.file');
    if (disposition === 'inline' && !isInlineImage(fileMime)) throw notFound('errors.notFound.image');
    // Streamed from storage, so a large file is never whole in memory.
    const stored = await app.deps.storage.read(fileKey);
    if (!stored) throw notFound('errors.notFound.file');
    if (disposition === 'attachment') {
      await countOnce(db(), found.resource.id, actor?.id ?? null, 'download').catch((error: unknown) => {
        stored.body.destroy();
        throw error;
      });
    }
    return {
      body: stored.body,
      headers: {
        ...downloadHeaders({ mime: fileMime, disposition, safeName: fileName }),
        'content-length': String(stored.size),
      },
    };
  }

  app.get(
    '/resources/:id/download',
    {
      schema: {
        tags,
        summary: 'Download a resource’s file (as an attachment, with a safe name; counts once a day).',
        params: resourceParams,
        produces: ['application/octet-stream'],
      },
    },
    async (request, reply) => {
      const file = await storedFile(request.actor, request.params.id, 'attachment');
      return reply.headers(file.headers).send(file.body);
    },
  );

  app.get(
    '/resources/:id/view',
    {
      schema: {
        tags,
        summary: 'Show a resource’s image inline (images only; sandboxed, never sniffed).',
        params: resourceParams,
        produces: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
      },
    },
    async (request, reply) => {
      const file = await storedFile(request.actor, request.params.id, 'inline');
      return reply.headers(file.headers).send(file.body);
    },
  );
};
