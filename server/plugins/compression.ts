import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Text the API sends (JSON, CSV, iCalendar, XML, SVG), compressed when the client accepts it: brotli,
 * else gzip. Never event streams (each event must leave at once) nor octet-stream or media downloads
 * (already compressed, and ranges must stay byte ranges). Answers under 1 KB go as they are, where
 * compressing costs more than it saves. Dynamic answers use brotli quality 4 and gzip level 6 (fast,
 * most of the gain); the web app's assets are compressed once at build time at the highest levels
 * (vite.config.ts) and served as such by the web plugin, so this plugin leaves them alone.
 */
export const compressibleTypes = /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)xml(?:;|$)/u;

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    globalCompression: true,
    // Request bodies stay as sent: a compressed upload would slip past the body size limits.
    globalDecompression: false,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: compressibleTypes,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
