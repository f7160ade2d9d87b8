import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const healthBody = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgres']),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability; 503 while shutting down or when the database is down.',
        response: { 200: healthBody, 503: healthBody },
      },
    },
    async (_request, reply) => {
      const { database, lifecycle } = app.deps;
      const healthy = !lifecycle?.shuttingDown && (await database.ping());
      return reply
        .status(healthy ? 200 : 503)
        .send({ status: healthy ? 'ok' : 'unavailable', database: database.kind });
    },
  );
};
