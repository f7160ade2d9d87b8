import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eraseAccountBody, eraseUserBody } from '../../../common/contracts/erasure.ts';
import { errorResponses, idParams, okBody } from '../../../common/contracts/shared.ts';
import { clearSessionCookie, requireActor } from '../../plugins/auth.ts';
import { eraseOwnAccount, eraseUserByAdministrator } from '../../services/erasure/erase-account.ts';

/** Erasing an account (#19): the person's own, or anyone's by an administrator on a formal request. */
export const erasureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/me/erase',
    {
      schema: {
        tags: ['profile'],
        summary:
          'Delete your account at once: anonymise (your contributions stay, under "A former member") or delete (they go too). Needs your password and your email address typed again; ends every session.',
        body: eraseAccountBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await eraseOwnAccount(app.deps, requireActor(request), request.body);
      clearSessionCookie(app, reply);
      return { data: { ok: true as const } };
    },
  );

  app.post(
    '/admin/users/:id/erase',
    {
      schema: {
        tags: ['admin'],
        summary:
          "Erase a person on a formal request (administrators): the mode and the request's reason, recorded in the audit log.",
        params: idParams,
        body: eraseUserBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await eraseUserByAdministrator(app.deps, requireActor(request), request.params.id, request.body);
      return { data: { ok: true as const } };
    },
  );
};
