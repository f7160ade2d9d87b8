import { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../common/i18n/locales.ts';
import { findUnsafeText, unsafeTextMessageId } from '../../common/safe-text.ts';
import { AppError, type ErrorText, type FieldText, type Message, message } from '../errors.ts';
import { isMessageId, requestLocale, translate } from '../lib/i18n.ts';

/** A problem `findUnsafeText` found, as a message of the catalogs (it says it in English). */
export function unsafeTextText(problem: string): Message {
  return { id: unsafeTextMessageId(problem) };
}

/** A field's text as a value of another message ("name: Enter a name."). */
function asValue(text: FieldText): Message | string {
  if (typeof text !== 'string') return text;
  return isMessageId(text) ? { id: text } : text;
}

/** A validation_failed error naming each field, in the shape schema validation failures have. */
export function fieldsError(fields: Record<string, FieldText>): AppError {
  const [first] = Object.entries(fields);
  const text: ErrorText = first
    ? message('errors.request.fieldProblem', { field: first[0], problem: asValue(first[1]) })
    : 'errors.request.invalid';
  return new AppError('validation_failed', text, fields);
}

/** `findUnsafeText`'s problems as messages. */
function unsafeFields(found: Record<string, string>): Record<string, FieldText> {
  return Object.fromEntries(Object.entries(found).map(([key, problem]) => [key, unsafeTextText(problem)]));
}

/** Throws a field-level 400 when any string in `value` holds a NUL or a lone surrogate. */
export function refuseUnsafeText(value: unknown, prefix = ''): void {
  const fields = findUnsafeText(value, prefix);
  if (Object.keys(fields).length > 0) throw fieldsError(unsafeFields(fields));
}

/**
 * Every request's path parameters, query and parsed JSON body are checked for text PostgreSQL cannot
 * store (NUL, lone surrogates) before the route's schema runs, so no route can forget it and the
 * answer names the field even when other fields are wrong too. Multipart fields and file names are
 * checked where the parts are read (`checkedPart` in `server/routes/multipart.ts`).
 */
export function registerInputChecks(app: FastifyInstance): void {
  registerBodyIdleTimeout(app, app.deps.env.REQUEST_IDLE_TIMEOUT_MS);
  app.addHook('preValidation', async (request) => {
    const fields = {
      ...findUnsafeText(request.body),
      ...findUnsafeText(request.query),
      ...findUnsafeText(request.params),
    };
    if (Object.keys(fields).length > 0) throw fieldsError(fields);
  });
}

/**
 * Fastify server options against slow senders: headers must arrive within the idle timeout, a whole
 * request within 15 minutes (a large upload on a slow line), checked every second or so.
 */
export function requestTimeoutOptions(idleMs: number) {
  return {
    requestTimeout: 15 * 60_000,
    http: { headersTimeout: idleMs, connectionsCheckingInterval: Math.min(1000, idleMs) },
  };
}

/** The 408 is written outside the error handler: the language the request asks for, else English. */
function idleLocale(request: FastifyRequest): Locale {
  return requestLocale(request.headers['accept-language'], request.actor?.language, 'en');
}

/**
 * A request body that sends nothing for `idleMs` is answered 408 and its connection closed, so a slow
 * sender cannot hold a connection (and the upload or parser waiting on it). The socket's inactivity
 * timer does the watching without touching the body stream; Node's server emits `timeout` on a
 * request still incomplete, and the timer is switched off once the body has all arrived.
 */
function registerBodyIdleTimeout(app: FastifyInstance, idleMs: number): void {
  const seconds = Math.max(1, Math.round(idleMs / 1000));
  app.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw;
    const socket = raw.socket;
    const hasBody =
      raw.headers['transfer-encoding'] !== undefined || Number(raw.headers['content-length']) > 0;
    // app.inject's requests have no real socket: nothing to time out.
    if (!hasBody || raw.complete || !(socket instanceof Socket)) return done();
    const onTimeout = () => {
      // A busy event loop runs its timers before reading what arrived meanwhile: look again after this
      // turn's reads, so a sender whose bytes are waiting to be read is not taken for an idle one.
      const bytesRead = socket.bytesRead;
      setImmediate(() => {
        if (!raw.complete && !socket.destroyed && socket.bytesRead === bytesRead) answerIdle();
      });
    };
    const answerIdle = () => {
      request.log.info({ idleMs }, 'request body idle: answering 408 and closing the connection');
      if (reply.sent) {
        socket.destroy();
        return;
      }
      reply.raw.once('finish', () => socket.destroy());
      void reply
        .code(408)
        .header('connection', 'close')
        .send({
          error: 'request_timeout',
          message: translate(idleLocale(request), 'errors.request.idle', { seconds }),
        });
    };
    raw.on('timeout', onTimeout);
    raw.once('end', () => {
      raw.off('timeout', onTimeout);
      socket.setTimeout(app.server.timeout);
    });
    socket.setTimeout(idleMs);
    done();
  });
}

/**
 * An onRequest hook for an upload route: a declared Content-Length over `maxBytes` (plus room for the
 * multipart framing and text fields) is refused at once with 413, before any of the body is read,
 * and the connection is closed rather than drained.
 */
export function refuseDeclaredLengthOver(maxBytes: number, refusal: ErrorText) {
  const limit = maxBytes + multipartOverheadBytes;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const declared = Number(request.headers['content-length']);
    if (!Number.isFinite(declared) || declared <= limit) return;
    reply.header('connection', 'close');
    throw new AppError('payload_too_large', refusal, { file: refusal });
  };
}

/** Room beside the file for a multipart body's boundaries, part headers and text fields. */
const multipartOverheadBytes = 1024 * 1024;
