import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { charterSectionKeys } from '../../../common/enums.ts';
import { charterSectionField } from '../../../common/fields.ts';
import { renderMarkdown } from '../../../common/markdown.ts';
import { requireActor } from '../../plugins/auth.ts';
import { getCharterTemplate, updateCharterTemplate } from '../../services/admin/charter-template.ts';
import { dataOf, errorResponses } from '../shared-schemas.ts';

const sectionsOf = <T extends z.ZodType>(field: T) =>
  z.strictObject(
    Object.fromEntries(charterSectionKeys.map((key) => [key, field])) as Record<
      (typeof charterSectionKeys)[number],
      T
    >,
  );

const templateSchema = z.object({
  sections: sectionsOf(z.string()),
  /** Each section rendered to safe HTML, for the preview. */
  sectionsHtml: sectionsOf(z.string()),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});

const updateBody = z.strictObject({ sections: sectionsOf(charterSectionField) });

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
