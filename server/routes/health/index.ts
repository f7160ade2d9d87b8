import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthBody, liveBody } from '../../../common/contracts/health.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  // Readiness: the process takes requests and its database answers. Load balancers and orchestrators
  // send traffic only while this is 200; /api/health is its original name.
  for (const url of ['/health', '/health/ready']) {
    app.get(
      url,
      {
        schema: {
          tags: ['system'],
          summary:
            'Readiness: the database answers a query; 503 while shutting down or when the database is away.',
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
  }

  // Liveness: the process and its event loop answer, whatever the database is doing (a slow query runs
  // on the database's own thread or server). A supervisor restarts the process only when this fails.
  app.get(
    '/health/live',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness: the process answers; asks nothing of the database.',
        response: { 200: liveBody },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
};
