import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import {
  cursorQuery,
  dataOf,
  errorResponses,
  idParams,
  idSchema,
  listOf,
  okBody,
} from '../../../common/contracts/shared.ts';
import {
  collectionBody,
  collectionDetailSchema,
  collectionResourcesBody,
  createResourceBody,
  editCollectionBody,
  editResourceBody,
  editUseBody,
  featureBody,
  renameTopicBody,
  resourceListQuery,
  resourceParams,
  resourceSchema,
  resourceSummarySchema,
  resourceUseParams,
  resourceUseSchema,
  toolkitSchema,
  topicBody,
  uploadFields,
  useBody,
} from '../../../common/contracts/toolkit.ts';
import { AppError, fieldError, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { uploadMessages } from '../../lib/files/check-upload.ts';
import { downloadHeaders } from '../../lib/files/content-disposition.ts';
import {
  drain,
  receiveToTempFile,
  removeTempFile,
  type TempFile,
  uploadTempFolder,
} from '../../lib/files/temp-file.ts';
import { requireActor } from '../../plugins/auth.ts';
import { refuseDeclaredLengthOver } from '../../plugins/input.ts';
import { canContributeToToolkit, canCurateToolkit } from '../../policies/toolkit.ts';
import {
  isInlineImage,
  presentCollection,
  presentResource,
  presentResourceSummary,
  presentResourceUse,
} from '../../presenters/toolkit.ts';
import {
  countResources,
  findCollection,
  listCollections,
  listFeaturedResources,
  listResources,
  listResourceUses,
  listTopics,
} from '../../queries/toolkit.ts';
import { loadVisibleCommunity } from '../../services/communities/load-community.ts';
import { addResource, addUploadedResource, checkMayUpload } from '../../services/toolkit/add-resource.ts';
import { deleteResource, editResource, setFeatured } from '../../services/toolkit/change-resource.ts';
import { countOnce } from '../../services/toolkit/count-activity.ts';
import {
  addCollection,
  addTopic,
  editCollection,
  loadVisibleCollection,
  removeCollection,
  removeTopic,
  renameTopic,
  setCollectionResources,
} from '../../services/toolkit/curate.ts';
import { loadVisibleResource } from '../../services/toolkit/load-resource.ts';
import { startResourceDiscussion } from '../../services/toolkit/resource-discussion.ts';
import { deleteUse, editUse, recordUse } from '../../services/toolkit/resource-uses.ts';
import { isToolkitStorageKey } from '../../services/toolkit/stored-files.ts';
import { checkedPart } from '../multipart.ts';

const tags = ['toolkit'];
const ok = { data: { ok: true as const } };
const created = dataOf(idSchema);
const featuredOnFront = 6;
const collectionPageSize = 200;

/** The part of a multipart upload that is not the file: each field once, `topicIds` repeated. */
function collectFields(fields: Record<string, string[]>) {
  const { topicIds = [], ...rest } = fields;
  return { ...Object.fromEntries(Object.entries(rest).map(([key, values]) => [key, values[0]])), topicIds };
}

export const toolkitRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  const maxBytes = app.deps.env.UPLOAD_MAX_MB * 1024 * 1024;
  // One byte over the limit is read, so checkUpload can tell a file at the limit from one over it.
  await app.register(multipart, { limits: { fileSize: maxBytes + 1, files: 1, fields: 20 } });

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
            contribute: canContributeToToolkit(request.actor, community, membership),
            curate: canCurateToolkit(request.actor, community, membership),
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

  app.post(
    '/communities/:slug/resources/upload',
    {
      onRequest: refuseDeclaredLengthOver(maxBytes, uploadMessages.tooLarge(maxBytes)),
      schema: {
        tags,
        summary:
          'Upload a file resource (multipart/form-data: fields kind, title, description, topicIds, then the part "file"). The bytes must be an allowed type matching the name; SVG, HTML and programs are refused.',
        consumes: ['multipart/form-data'],
        params: slugParams,
        response: { 201: created, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      // Whether the actor may add to this Toolkit is answered first, before anything is read.
      await checkMayUpload(app.deps, actor, request.params.slug);
      if (!request.isMultipart()) {
        throw new AppError(
          'unsupported_media_type',
          'Send the file as multipart/form-data, with the fields first and the file in a part named "file".',
        );
      }
      const fields: Record<string, string[]> = {};
      // The file is streamed into a temporary file and checked there, never held whole in memory;
      // the temporary file is removed on every path (moved into storage when accepted).
      let upload: { filename: string; bytes: TempFile } | undefined;
      try {
        for await (const raw of request.parts()) {
          const part = checkedPart(raw);
          if (part.type === 'field') {
            if (typeof part.value === 'string')
              fields[part.fieldname] = [...(fields[part.fieldname] ?? []), part.value];
            continue;
          }
          if (part.fieldname !== 'file' || upload) {
            await drain(part.file);
            throw fieldError(part.fieldname, 'Send one file, in the part named "file".');
          }
          // Refuse before reading the bytes when the fields are wrong.
          const parsed = uploadFields.safeParse(collectFields(fields));
          if (!parsed.success) {
            part.file.resume();
            throw new AppError(
              'validation_failed',
              parsed.error.issues[0]?.message ?? 'The request is not valid.',
              Object.fromEntries(
                parsed.error.issues.map((issue) => [issue.path.join('.') || 'body', issue.message]),
              ),
            );
          }
          const bytes = await receiveToTempFile(part.file, {
            folder: uploadTempFolder(app.deps.env),
            tooLarge: () => fieldError('file', uploadMessages.tooLarge(maxBytes), 'payload_too_large'),
          });
          upload = { filename: part.filename, bytes };
        }
        if (!upload) throw fieldError('file', 'Choose the file to upload.');
        const input = uploadFields.parse(collectFields(fields));
        const id = await addUploadedResource(app.deps, actor, request.params.slug, input, upload);
        return reply.status(201).send({ data: { id } });
      } finally {
        await removeTempFile(upload?.bytes);
      }
    },
  );

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
    if (!fileKey || !fileMime || !fileName || !isToolkitStorageKey(fileKey)) throw notFound('That file');
    if (disposition === 'inline' && !isInlineImage(fileMime)) throw notFound('That image');
    // Streamed from storage, so a large file is never whole in memory.
    const stored = await app.deps.storage.read(fileKey);
    if (!stored) throw notFound('That file');
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
      if (!collection) throw notFound('That collection');
      return {
        data: {
          ...presentCollection(collection),
          community: { id: found.community.id, slug: found.community.slug, name: found.community.name },
          resources: list.rows.map(presentResourceSummary),
          abilities: { curate: canCurateToolkit(request.actor, found.community, found.membership) },
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
