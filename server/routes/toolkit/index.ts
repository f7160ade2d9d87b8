import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { collectionRoutes } from './collections.ts';
import { communityToolkitRoutes } from './community-toolkit.ts';
import { resourceRoutes } from './resources.ts';
import { topicRoutes } from './topics.ts';
import { uploadRoutes } from './upload.ts';
import { resourceUseRoutes } from './uses.ts';

/**
 * The Toolkit's routes, registered in the order the OpenAPI document lists them. The multipart parser
 * is registered here, for the upload route; the limits let one byte over the maximum through, so the
 * upload's check can tell a file at the limit from one over it.
 */
export const toolkitRoutes: FastifyPluginAsyncZod = async (app) => {
  const maxBytes = app.deps.env.UPLOAD_MAX_MB * 1024 * 1024;
  await app.register(multipart, { limits: { fileSize: maxBytes + 1, files: 1, fields: 20 } });
  await app.register(communityToolkitRoutes);
  await app.register(uploadRoutes);
  await app.register(resourceRoutes);
  await app.register(resourceUseRoutes);
  await app.register(topicRoutes);
  await app.register(collectionRoutes);
};
