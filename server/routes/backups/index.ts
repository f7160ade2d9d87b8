import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { backupMadeSchema, backupsSchema } from '../../../common/contracts/backups.ts';
import { dataOf, errorResponses } from '../../../common/contracts/shared.ts';
import { requireActor } from '../../plugins/auth.ts';
import { backUpNow, listBackups } from '../../services/backup/backups.ts';

/** /api/admin/backups: the installation's backups (administrators). */
export const backupRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['admin'];
  app.get(
    '/backups',
    {
      schema: {
        tags,
        summary:
          'The backups in BACKUP_DIR (name, time, size), newest first, with the schedule and retention.',
        response: { 200: dataOf(backupsSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await listBackups(app.deps, requireActor(request)) }),
  );

  app.post(
    '/backups',
    {
      schema: {
        tags,
        summary:
          'Back up now: every table and uploaded file into BACKUP_DIR; the oldest backups beyond BACKUP_KEEP are then deleted.',
        response: { 201: dataOf(backupMadeSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const made = await backUpNow(app.deps, requireActor(request));
      return reply.code(201).send({ data: made });
    },
  );
};
