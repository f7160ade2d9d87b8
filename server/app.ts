import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { acceptedLanguages, isLocale, type Locale, matchLocale } from '../common/i18n/locales.ts';
import type { MessageId } from '../common/i18n/message-id.ts';
import { issueMessage } from '../common/i18n/zod-issues.ts';
import { isDatabaseUnavailable } from './db/client.ts';
import { AppError, errorStatus, localize } from './errors.ts';
import { requestLocale, translate } from './lib/i18n.ts';
import { requestLogFields } from './lib/log-redaction.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerCompression } from './plugins/compression.ts';
import { registerConditionalRequests } from './plugins/conditional.ts';
import type { BuildOptions } from './plugins/controls.ts';
import { registerIdempotency } from './plugins/idempotency.ts';
import { registerInputChecks, requestTimeoutOptions } from './plugins/input.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerSecurity } from './plugins/security.ts';
import { checkedSerializerCompiler, compiledSerializerCompiler } from './plugins/serializer.ts';
import { registerWeb } from './plugins/web.ts';
import { registerRoutes } from './routes/index.ts';
import { oneClickUnsubscribeRoute } from './routes/unsubscribe/index.ts';
import type { ServiceDeps } from './services/context.ts';
import { institutionLanguage } from './services/institution-language.ts';

export interface AppDeps extends ServiceDeps {
  /** Set while the process drains; health answers 503. */
  lifecycle?: { shuttingDown: boolean };
  /** `stream` receives the log lines instead of standard output (the tests read them). */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export type App = FastifyInstance;

/** Fastify's client errors people may meet, by code, in words of the catalogs. */
const fastifyClientErrors: Record<string, MessageId> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'errors.request.invalidJson',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'errors.request.emptyJson',
};

/**
 * Builds the Fastify application: plugins, routes, error and not-found handlers. Tests build it too;
 * only they pass `options`, to leave out a security control (plugins/controls.ts, docs/security.md).
 */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const controlsOff = new Set(options.withoutControls);
  if (controlsOff.size > 0 && deps.env.NODE_ENV === 'production')
    throw new Error('Security controls are switched off only in tests.');
  const app = Fastify({
    // Request lines without the secrets emailed links and the SSO return carry (lib/log-redaction.ts).
    logger: deps.logger
      ? {
          ...(typeof deps.logger === 'object' ? deps.logger : {}),
          ...(controlsOff.has('log-redaction') ? {} : { serializers: { req: requestLogFields } }),
        }
      : false,
    trustProxy: deps.env.TRUST_PROXY,
    bodyLimit: controlsOff.has('body-limit') ? 64 * 1024 * 1024 : 1024 * 1024,
    ...requestTimeoutOptions(deps.env.REQUEST_IDLE_TIMEOUT_MS),
    genReqId: () => crypto.randomUUID(),
    // While draining, a request that has reached us is answered, not refused with 503 (see main.ts).
    return503OnClosing: false,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  // The API speaks JSON (and multipart for uploads): plain text bodies get a clear 415.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  // Compiled serialisers in production; tests and development also check them against zod.
  app.setSerializerCompiler(
    deps.env.NODE_ENV === 'production' ? compiledSerializerCompiler : checkedSerializerCompiler,
  );
  app.decorate('deps', deps);
  app.decorate('controlsOff', controlsOff);
  // While draining, every response closes its connection: a keep-alive client goes elsewhere for its
  // next request, and the server is left with no idle connection to wait for.
  app.addHook('onSend', async (_request, reply) => {
    if (deps.lifecycle?.shuttingDown) reply.header('connection', 'close');
  });

  /**
   * The language of an error answer: the one the client asks for, else the member's, else the
   * institution's default (cached, and read only when the first two say nothing).
   */
  const answerLocale = async (request: FastifyRequest, askDatabase = true): Promise<Locale> => {
    const header = request.headers['accept-language'];
    const member = request.actor?.language;
    if (matchLocale(acceptedLanguages(header)) || isLocale(member) || !askDatabase)
      return requestLocale(header, member, 'en');
    try {
      return requestLocale(header, member, await institutionLanguage(deps.database.db));
    } catch {
      return 'en';
    }
  };

  app.setErrorHandler<FastifyError>(async (error, request, reply) => {
    if (error instanceof AppError) {
      const locale = await answerLocale(request);
      if (error.retryAfterSeconds !== undefined) {
        reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
      }
      const fields = error.localizedFields(locale);
      return reply.status(error.status).send({
        error: error.code,
        message: locale === 'en' ? error.message : localize(locale, error.text),
        ...(fields ? { fields } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const locale = await answerLocale(request);
      const fields: Record<string, string> = {};
      for (const issue of error.validation) {
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const key = path || (error.validationContext ?? 'body');
        if (fields[key] !== undefined) continue;
        const { id, values } = issueMessage({ ...issue.params, code: issue.keyword, message: issue.message });
        fields[key] = translate(locale, id, values);
      }
      const first = Object.entries(fields)[0];
      const message = first ? `${first[0]}: ${first[1]}` : translate(locale, 'errors.request.invalid');
      return reply.status(400).send({ error: 'validation_failed', message, fields });
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    // A database that is away (or broken) is not asked for the default language: answer at once.
    const locale = await answerLocale(request, status < 500);
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send({ error: 'payload_too_large', message: translate(locale, 'errors.request.tooLarge') });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply
        .status(415)
        .send({ error: 'unsupported_media_type', message: translate(locale, 'errors.request.sendJson') });
    }
    if (error.code === 'FST_ERR_RATE_LIMIT' || status === 429) {
      return reply
        .status(429)
        .send({ error: 'rate_limited', message: translate(locale, 'errors.request.tooMany') });
    }
    if (status >= 400 && status < 500) {
      // English keeps Fastify's own words; other languages get ours (the common cases by name).
      const message =
        locale === 'en' && error.message
          ? error.message
          : translate(locale, fastifyClientErrors[error.code] ?? 'errors.request.bad');
      return reply.status(status).send({ error: 'bad_request', message });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply
        .status(errorStatus.unavailable)
        .header('retry-after', '5')
        .send({
          error: 'unavailable',
          message: translate(locale, 'errors.request.databaseAway'),
        });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(errorStatus.internal)
      .send({ error: 'internal', message: translate(locale, 'errors.request.internal') });
  });

  await registerSecurity(app);
  // Before every route (it hooks each route as it is added); its per-route hook runs after the app-wide
  // ones, so the ETag is the hash of the answer as written and a 304 has nothing to compress.
  await registerCompression(app);
  await registerOpenApi(app);
  await registerAuth(app);
  registerInputChecks(app);
  registerConditionalRequests(app);
  // After auth (the key belongs to the signed-in person) and the cookie plugin (an answer that sets a
  // cookie is not stored, and its onSend hook must have set it by then).
  registerIdempotency(app);
  await app.register(registerRoutes, { prefix: '/api' });
  // Outside /api: the address in notification emails' List-Unsubscribe header (RFC 8058).
  await app.register(oneClickUnsubscribeRoute);

  const serveApp = deps.serveWeb ? await registerWeb(app) : undefined;
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (serveApp && request.method === 'GET' && !path.startsWith('/api/')) return serveApp(reply);
    return answerLocale(request).then((locale) =>
      reply.status(404).send({
        error: 'not_found',
        message: translate(locale, 'errors.request.noRoute', { method: request.method, path }),
      }),
    );
  });

  return app;
}
