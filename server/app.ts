import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from './db/client.ts';
import { AppError, errorStatus } from './errors.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerCompression } from './plugins/compression.ts';
import { registerConditionalRequests } from './plugins/conditional.ts';
import { registerInputChecks, requestTimeoutOptions } from './plugins/input.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerSecurity } from './plugins/security.ts';
import { checkedSerializerCompiler, compiledSerializerCompiler } from './plugins/serializer.ts';
import { registerWeb } from './plugins/web.ts';
import { registerRoutes } from './routes/index.ts';
import type { ServiceDeps } from './services/context.ts';

export interface AppDeps extends ServiceDeps {
  /** Set while the process drains; health answers 503. */
  lifecycle?: { shuttingDown: boolean };
  logger?: boolean | { level: string };
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export type App = FastifyInstance;

/** Builds the Fastify application: plugins, routes, error and not-found handlers. Tests build it too. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: deps.env.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
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
  // While draining, every response closes its connection: a keep-alive client goes elsewhere for its
  // next request, and the server is left with no idle connection to wait for.
  app.addHook('onSend', async (_request, reply) => {
    if (deps.lifecycle?.shuttingDown) reply.header('connection', 'close');
  });

  app.setErrorHandler<FastifyError>((error, request, reply) => {
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined) {
        reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
      }
      return reply.status(error.status).send({
        error: error.code,
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const issue of error.validation) {
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const key = path || (error.validationContext ?? 'body');
        fields[key] ??= issue.message ?? 'Invalid value.';
      }
      const first = Object.entries(fields)[0];
      const message = first ? `${first[0]}: ${first[1]}` : 'The request is not valid.';
      return reply.status(400).send({ error: 'validation_failed', message, fields });
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send({ error: 'payload_too_large', message: 'The request body is too large.' });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply
        .status(415)
        .send({ error: 'unsupported_media_type', message: 'Send the body as application/json.' });
    }
    if (error.code === 'FST_ERR_RATE_LIMIT' || status === 429) {
      return reply
        .status(429)
        .send({ error: 'rate_limited', message: 'Too many requests. Try again later.' });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: 'bad_request', message: error.message || 'Bad request.' });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply.status(errorStatus.unavailable).header('retry-after', '5').send({
        error: 'unavailable',
        message: 'The database cannot be reached just now. Try again in a few seconds.',
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(errorStatus.internal)
      .send({ error: 'internal', message: 'Something went wrong on our side. It has been logged.' });
  });

  await registerSecurity(app);
  // Before every route (it hooks each route as it is added); its per-route hook runs after the app-wide
  // ones, so the ETag is the hash of the answer as written and a 304 has nothing to compress.
  await registerCompression(app);
  await registerOpenApi(app);
  await registerAuth(app);
  registerInputChecks(app);
  registerConditionalRequests(app);
  await app.register(registerRoutes, { prefix: '/api' });

  const serveApp = deps.serveWeb ? await registerWeb(app) : undefined;
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (serveApp && request.method === 'GET' && !path.startsWith('/api/')) return serveApp(reply);
    return reply.status(404).send({ error: 'not_found', message: `No route for ${request.method} ${path}.` });
  });

  return app;
}
