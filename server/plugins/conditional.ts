import { hash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * An ETag for every successful `GET /api/…` JSON answer, and 304 Not Modified (no body) when the
 * request's `If-None-Match` names it. The tag is a hash of the answer's bytes, so it changes exactly
 * when anything in the answer changes, whoever asks and whatever changed it (an edit, a new reply, the
 * viewer's role and so what they may do): a 304 always means the copy the client holds is the current
 * answer. Answers differ by viewer, so they are `Cache-Control: private, no-cache`: only the viewer's
 * own browser keeps them, and it asks again every time (a 304 costs no body). A route that knows its
 * version without writing the answer (the iCalendar feeds) sets its own ETag and answers 304 itself
 * before doing the work; its ETag is kept.
 */
export function registerConditionalRequests(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    if (
      request.method !== 'GET' ||
      reply.statusCode !== 200 ||
      typeof payload !== 'string' ||
      !request.url.startsWith('/api/') ||
      reply.hasHeader('etag') ||
      !String(reply.getHeader('content-type') ?? '').startsWith('application/json')
    ) {
      done(null, payload);
      return;
    }
    const etag = `"${hash('sha1', payload, 'base64url')}"`;
    reply.header('etag', etag);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-cache');
    if (isNotModified(request, etag)) {
      reply.code(304);
      done(null, '');
      return;
    }
    done(null, payload);
  });
}

/** Whether `If-None-Match` names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function isNotModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (typeof header !== 'string') return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/**
 * For routes that know their version before writing the answer: sets the ETag (and private caching,
 * unless set) and answers 304 when the client already holds it; true when it did.
 */
export function answerNotModified(
  request: FastifyRequest,
  reply: FastifyReply,
  etag: string,
  cacheControl = 'private, no-cache',
): boolean {
  reply.header('etag', etag);
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', cacheControl);
  return isNotModified(request, etag);
}
