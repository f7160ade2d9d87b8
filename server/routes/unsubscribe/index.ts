import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf, errorResponses } from '../../../common/contracts/shared.ts';
import { unsubscribeLinkSchema, unsubscribeParams } from '../../../common/contracts/unsubscribe.ts';
import { applyUnsubscribeLink, describeUnsubscribeLink } from '../../services/notifications/unsubscribe.ts';

const tags = ['notifications'];

/** The unsubscribe links of notification emails, under /api: the confirm page reads and uses them. */
export const unsubscribeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/unsubscribe/:token',
    {
      schema: {
        tags,
        summary: 'What an unsubscribe link from an email would stop (changes nothing).',
        params: unsubscribeParams,
        response: { 200: dataOf(unsubscribeLinkSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await describeUnsubscribeLink(app.deps, request.params.token) }),
  );

  app.post(
    '/unsubscribe/:token',
    {
      schema: {
        tags,
        summary: 'Stop the emails an unsubscribe link names; no session needed.',
        params: unsubscribeParams,
        response: { 200: dataOf(unsubscribeLinkSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await applyUnsubscribeLink(app.deps, request.params.token) }),
  );
};

/**
 * RFC 8058 one-click unsubscribe: mail programs POST `List-Unsubscribe=One-Click` (a form body) to the
 * address in the List-Unsubscribe header, `/unsubscribe/<token>`, from their own servers, without
 * cookies or an Origin. A GET of the same address is the web app's confirm page, so a scanner that
 * opens links unsubscribes no one.
 */
export const oneClickUnsubscribeRoute: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, body),
  );
  app.post(
    '/unsubscribe/:token',
    {
      schema: {
        tags,
        summary:
          'One-click unsubscribe (RFC 8058), for mail programs; the body (List-Unsubscribe=One-Click) is ignored.',
        params: unsubscribeParams,
        response: { 200: dataOf(unsubscribeLinkSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await applyUnsubscribeLink(app.deps, request.params.token) }),
  );
};
