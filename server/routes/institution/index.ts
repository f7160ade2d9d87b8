import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { institutionSchema, unitSchema } from '../../../common/contracts/institution.ts';
import { dataOf } from '../../../common/contracts/shared.ts';
import { isLocale, sourceLocale } from '../../../common/i18n/locales.ts';
import { AppError } from '../../errors.ts';
import { getInstitutionSettings, listUnits } from '../../queries/institution.ts';

export const institutionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/institution',
    {
      schema: {
        tags: ['institution'],
        summary: "The institution's name and logo, and whether the one-time set-up is still to do.",
        response: { 200: dataOf(institutionSchema) },
      },
    },
    async () => {
      const settings = await getInstitutionSettings(app.deps.database.db);
      return {
        data: {
          name: settings.name,
          logoUrl: settings.logoPath ? `/api/institution/logo?v=${settings.updatedAt.getTime()}` : null,
          defaultLanguage: isLocale(settings.defaultLanguage) ? settings.defaultLanguage : sourceLocale,
          setupNeeded: settings.setupCompletedAt === null,
          smtpConfigured: Boolean(app.deps.env.SMTP_URL),
        },
      };
    },
  );

  app.get(
    '/institution/logo',
    { schema: { tags: ['institution'], summary: "The institution's logo image." } },
    async (_request, reply) => {
      const settings = await getInstitutionSettings(app.deps.database.db);
      const bytes = settings.logoPath ? await app.deps.storage.get(settings.logoPath) : undefined;
      if (!bytes || !settings.logoContentType) throw new AppError('not_found', 'errors.institution.noLogo');
      return reply.type(settings.logoContentType).header('Cache-Control', 'public, max-age=3600').send(bytes);
    },
  );

  app.get(
    '/units',
    {
      schema: {
        tags: ['institution'],
        summary: "The institution's units (faculties, departments), with member counts.",
        response: { 200: dataOf(z.array(unitSchema)) },
      },
    },
    async () => ({ data: await listUnits(app.deps.database.db) }),
  );
};
