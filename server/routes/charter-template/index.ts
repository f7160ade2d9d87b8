import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { templateSchema, updateBody } from '../../../common/contracts/charter-template.ts';
import { dataOf, errorResponses } from '../../../common/contracts/shared.ts';
import { charterSectionKeys } from '../../../common/enums.ts';
import { renderMarkdown } from '../../../common/markdown.ts';
import { requireActor } from '../../plugins/auth.ts';
import { getCharterTemplate, updateCharterTemplate } from '../../services/admin/charter-template.ts';

/** The institution's charter template, edited by administrators (registered under /admin). */
export const charterTemplateRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['admin'];
  const { db } = app.deps.database;
  const present = (template: Awaited<ReturnType<typeof getCharterTemplate>>) => ({
    data: {
      sections: template.sections,
      sectionsHtml: Object.fromEntries(
        charterSectionKeys.map((key) => [key, renderMarkdown(template.sections[key])]),
      ) as typeof template.sections,
      updatedAt: template.updatedAt?.toISOString() ?? null,
      updatedBy: template.updatedBy,
    },
  });

  app.get(
    '/charter-template',
    {
      schema: {
        tags,
        summary: "The institution's charter template: five Markdown sections each new community starts from.",
        response: { 200: dataOf(templateSchema), ...errorResponses },
      },
    },
    async (request) => present(await getCharterTemplate(db, requireActor(request))),
  );

  app.put(
    '/charter-template',
    {
      schema: {
        tags,
        summary:
          'Replace the charter template (every section, Markdown, at most 20,000 characters each); existing charters do not change.',
        body: updateBody,
        response: { 200: dataOf(templateSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await updateCharterTemplate(app.deps, actor, request.body.sections);
      return present(await getCharterTemplate(db, actor));
    },
  );
};
