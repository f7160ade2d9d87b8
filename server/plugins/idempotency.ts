import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { seal, secretKey, unseal } from '../lib/secret-box.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  findIdempotencyKey,
  releaseIdempotencyKey,
} from '../queries/idempotency-keys.ts';
import { fieldsError } from './input.ts';

/** The request header (IETF draft "The Idempotency-Key HTTP Header Field"; Stripe's name too). */
export const idempotencyKeyHeader = 'Idempotency-Key';
/** The answer header of a stored answer sent again. */
export const replayedHeader = 'Idempotent-Replayed';

/** 1 to 255 printable ASCII characters (space to tilde), as Stripe takes them. */
const keyPattern = /^[\x20-\x7e]{1,255}$/;

/** The answer headers kept with the body; Set-Cookie never is (an answer that sets one is not kept). */
const keptHeaders = ['content-type', 'location'] as const;

/** Seconds a client waits before sending again a request whose key is in flight. */
const inFlightRetrySeconds = 1;

interface ClaimedKey {
  scope: string;
  key: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The key this request claimed, until its answer is stored (or the key released). */
    idempotencyClaim: ClaimedKey | null;
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The request's `Idempotency-Key`, or undefined; a 400 naming the header when it is not a valid key. */
function keyOf(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  // Node joins a header sent twice into one ("a, b"): count the raw headers, so two keys are refused.
  const sent = request.raw.rawHeaders.filter(
    (name, index) => index % 2 === 0 && name.toLowerCase() === 'idempotency-key',
  ).length;
  if (sent === 1 && typeof value === 'string' && keyPattern.test(value)) return value;
  throw fieldsError({ [idempotencyKeyHeader]: 'errors.idempotency.keyInvalid' });
}

/**
 * Whose key it is: the signed-in person's (`user:<id>`, so a retry after the session was refreshed still
 * matches), else the client address's (`ip:<sha-256>`; behind a proxy, TRUST_PROXY makes it the
 * client's). Two people's keys never meet, whatever they choose.
 */
function scopeOf(request: FastifyRequest): string {
  return request.actor ? `user:${request.actor.id}` : `ip:${sha256(request.ip)}`;
}

/**
 * What the key promises to repeat: the method, the path with its query, and the body (as parsed).
 * A multipart body (an upload) counts by its media type only: its boundary differs on every send and it
 * is streamed to storage by the handler, so the key alone says it is the same upload.
 */
function fingerprintOf(request: FastifyRequest): string {
  const mediaType = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  const body = mediaType?.startsWith('multipart/') ? mediaType : JSON.stringify(request.body ?? null);
  return sha256(`${request.method} ${request.url}\n${body}`);
}

/** Stored answers: 2xx, and 4xx but a conflict or a rate limit (which a retry may well get past). */
function isKept(status: number): boolean {
  return (
    (status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 409 && status !== 429)
  );
}

/**
 * `Idempotency-Key` on every `POST /api/…` (#19): a client sends a fresh key with each request that
 * creates something and the same key when it sends that request again; the handler runs once per key
 * and every retry gets the first answer with `Idempotent-Replayed: true`, so a retried reply, meeting or
 * upload is one record. The key is checked before the body is read (400 when it is not 1 to 255
 * printable ASCII characters), claimed before the body's validation, and the answer is stored as it is
 * sent: 2xx and 4xx except 409 and 429; a 5xx or an answer that sets a cookie frees
 * the key, so a retry runs again. The same key with another request is 422; while the first request
 * still runs, 409 with Retry-After. Keys are kept 24 hours (`sessions.cleanup` removes older ones).
 */
export function registerIdempotency(app: FastifyInstance): void {
  const { db } = app.deps.database;
  const sealingKey = () => secretKey(app.deps.env);
  app.decorateRequest('idempotencyClaim', null);

  const covered = (request: FastifyRequest) => request.method === 'POST' && request.url.startsWith('/api/');

  // Checked first, so a bad key is answered before the body is read or validated.
  app.addHook('onRequest', async (request) => {
    if (covered(request)) keyOf(request);
  });

  // Claimed before validation: a refused body is an answer like any other, and the same retry gets it.
  app.addHook('preValidation', async (request, reply) => {
    if (!covered(request) || request.routeOptions.url === undefined) return;
    const key = keyOf(request);
    if (key === undefined) return;
    const claim = {
      scope: scopeOf(request),
      key,
      method: request.method,
      route: request.routeOptions.url,
      fingerprint: fingerprintOf(request),
    };
    if (await claimIdempotencyKey(db, claim)) {
      request.idempotencyClaim = { scope: claim.scope, key };
      return;
    }
    const stored = await findIdempotencyKey(db, claim.scope, key);
    if (stored && stored.fingerprint !== claim.fingerprint)
      throw new AppError('idempotency_key_reused', 'errors.idempotency.keyReused');
    // In flight (or freed a moment ago by a failed first request): the client tries again shortly.
    if (!stored || stored.status === null || stored.responseBody === null)
      throw new AppError('idempotency_in_flight', 'errors.idempotency.inFlight', undefined, {
        retryAfterSeconds: inFlightRetrySeconds,
      });
    return replay(reply, stored.status, unseal(sealingKey(), stored.responseBody), stored.responseHeaders);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = null;
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString() : null;
    try {
      if (body !== null && isKept(reply.statusCode) && !reply.hasHeader('set-cookie')) {
        await completeIdempotencyKey(db, claim.scope, claim.key, {
          status: reply.statusCode,
          body: seal(sealingKey(), body),
          headers: answerHeaders(reply),
        });
      } else {
        await releaseIdempotencyKey(db, claim.scope, claim.key);
      }
    } catch (error) {
      // The answer still goes out; the key stays in flight until it goes stale (15 minutes).
      request.log.warn({ err: error }, 'idempotency key not stored');
    }
    return payload;
  });
}

/** The kept headers of an answer about to be sent. */
function answerHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of keptHeaders) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}

/** Sends a stored answer again, marked as such; the handler does not run. */
function replay(
  reply: FastifyReply,
  status: number,
  body: string,
  headers: Record<string, string> | null,
): FastifyReply {
  return reply
    .code(status)
    .headers({ ...headers, [replayedHeader.toLowerCase()]: 'true' })
    .send(body);
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const keyParameter = {
  name: idempotencyKeyHeader,
  in: 'header',
  required: false,
  description:
    'Optional: 1 to 255 printable ASCII characters (a UUID, say), new for each request that creates something and the same when the request is sent again. The request runs once; a repeat within 24 hours gets the first answer with `Idempotent-Replayed: true`. The same key with another request: 422; while the first is still running: 409 with Retry-After.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
};

const replayedDescription = {
  description:
    'Present (`true`) when this is the stored answer of an earlier request with the same Idempotency-Key.',
  schema: { type: 'string', enum: ['true'] },
};

/**
 * The OpenAPI document with `Idempotency-Key` on every POST of the API and `Idempotent-Replayed` on its
 * stored answers (2xx and 4xx), documented once here rather than on each route.
 */
export function documentIdempotency<T extends { paths?: unknown }>(document: T): T {
  if (!isObject(document.paths)) return document;
  for (const [path, item] of Object.entries(document.paths)) {
    const operation = isObject(item) ? item.post : undefined;
    if (!path.startsWith('/api/') || !isObject(operation)) continue;
    const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
    operation.parameters = [...parameters, keyParameter];
    if (!isObject(operation.responses)) continue;
    for (const [status, response] of Object.entries(operation.responses)) {
      if (!isObject(response) || !isKept(Number(status))) continue;
      response.headers = {
        ...(isObject(response.headers) ? response.headers : {}),
        [replayedHeader]: replayedDescription,
      };
    }
  }
  return document;
}
