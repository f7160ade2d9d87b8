import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminDataExportBody,
  dataExportLinkSchema,
  dataExportStateSchema,
  dataExportTokenParams,
} from '../../../common/contracts/data-exports.ts';
import { dataOf, errorResponses, idParams } from '../../../common/contracts/shared.ts';
import { downloadHeaders } from '../../lib/files/content-disposition.ts';
import { requireActor } from '../../plugins/auth.ts';
import { openExportDownload } from '../../services/data-exports/download-export.ts';
import {
  getOwnExportState,
  newOwnExportLink,
  requestExportFor,
  requestOwnExport,
} from '../../services/data-exports/request-export.ts';

const tags = ['data exports'];

/**
 * "Download your data" (#19): a person asks for a zip of their data, prepared in the background and
 * downloaded once through a link that works for seven days; administrators do the same for a person on
 * a formal request (the link comes to them).
 */
export const dataExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/export',
    {
      schema: {
        tags,
        summary:
          'The state of your latest request for your data: none, preparing, ready (until when), downloaded, expired or failed.',
        response: { 200: dataOf(dataExportStateSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await getOwnExportState(app.deps, requireActor(request)) }),
  );

  app.post(
    '/me/export',
    {
      schema: {
        tags,
        summary:
          'Ask for your data (a zip: data.json, a CSV per kind, your uploads); prepared in the background, the link comes by email and notification. 409 while one is being prepared.',
        response: { 202: dataOf(dataExportStateSchema), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(202).send({ data: await requestOwnExport(app.deps, requireActor(request)) }),
  );

  app.post(
    '/me/export/link',
    {
      schema: {
        tags,
        summary: 'A fresh one-time link to your ready export (the one in the email stops working).',
        response: { 200: dataOf(dataExportLinkSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await newOwnExportLink(app.deps, requireActor(request)) }),
  );

  app.get(
    '/me/export/:token',
    {
      schema: {
        tags,
        summary:
          'Download a ready export through its one-time link, signed in as the person who asked (404 for anyone else); a used or expired link answers 410.',
        params: dataExportTokenParams,
        produces: ['application/zip'],
      },
    },
    async (request, reply) => {
      const file = await openExportDownload(app.deps, request.actor, request.params.token);
      return reply
        .headers({
          ...downloadHeaders({ mime: 'application/zip', disposition: 'attachment', safeName: file.fileName }),
          'content-length': String(file.size),
          'cache-control': 'no-store',
        })
        .send(file.body);
    },
  );

  app.post(
    '/admin/users/:id/export',
    {
      schema: {
        tags: [...tags, 'admin'],
        summary:
          "Export a person's data on a formal request (administrators): the link comes to you; the reason is required and recorded in the audit log.",
        params: idParams,
        body: adminDataExportBody,
        response: { 202: dataOf(dataExportStateSchema), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(202).send({
        data: await requestExportFor(app.deps, requireActor(request), request.params.id, request.body),
      }),
  );
};
