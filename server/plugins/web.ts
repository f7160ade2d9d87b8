import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const webRoot = new URL('../../dist/web', import.meta.url).pathname;

/**
 * Serves the built React app; returns the fallback that answers every other GET with index.html so the
 * client-side router takes over. The build writes a brotli and a gzip copy beside each file
 * (vite.config.ts): the one the browser accepts is sent as it is, with Content-Encoding and Vary. Hashed
 * files under /assets/ never change, so browsers and proxies keep them for a year; index.html and the
 * rest are revalidated on every use.
 */
export async function registerWeb(
  app: FastifyInstance,
  root = webRoot,
): Promise<(reply: FastifyReply) => FastifyReply> {
  if (!existsSync(`${root}/index.html`)) {
    app.log.warn(`No built web app in ${root}: run "npm run build".`);
    return (reply) =>
      reply.status(503).type('text/plain').send('The web app has not been built: run "npm run build".');
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    preCompressed: true,
    index: false,
    maxAge: 0,
    setHeaders(res, filePath) {
      if (filePath.includes('/assets/')) res.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  return (reply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
}
