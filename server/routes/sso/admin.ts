import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dataOf, errorResponses, idParams, okBody } from '../../../common/contracts/shared.ts';
import {
  createIdentityProviderBody,
  identityProviderSchema,
  ssoSettingsBody,
  ssoSettingsSchema,
  updateIdentityProviderBody,
} from '../../../common/contracts/sso.ts';
import { requireActor } from '../../plugins/auth.ts';
import { enforce } from '../../policies/decision.ts';
import { mayManageIdentityProviders } from '../../policies/sso.ts';
import { presentIdentityProvider } from '../../presenters/identity-providers.ts';
import { getInstitutionSettings } from '../../queries/institution.ts';
import {
  createProvider,
  listProviders,
  removeProvider,
  setSsoOnly,
  updateProvider,
} from '../../services/admin/identity-providers.ts';
import { ssoRedirectUri } from '../../services/auth/sso-client.ts';

/** /api/admin/identity-providers and /api/admin/sso: single sign-on settings, for administrators. */
export const ssoAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['admin', 'sso'];
  const redirectUri = ssoRedirectUri(app.deps.env.publicUrl);
  const present = (row: Parameters<typeof presentIdentityProvider>[0]) =>
    presentIdentityProvider(row, redirectUri);

  app.get(
    '/identity-providers',
    {
      schema: {
        tags,
        summary:
          'The OpenID Connect identity providers people can sign in with (client secrets are never shown).',
        response: { 200: dataOf(z.array(identityProviderSchema)), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listProviders(app.deps, requireActor(request));
      return { data: rows.map(present) };
    },
  );

  app.post(
    '/identity-providers',
    {
      schema: {
        tags,
        summary: 'Add an identity provider (issuer with OpenID Connect discovery, client, claims mapping).',
        body: createIdentityProviderBody,
        response: { 201: dataOf(identityProviderSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await createProvider(app.deps, requireActor(request), request.body);
      return reply.status(201).send({ data: present(row) });
    },
  );

  app.patch(
    '/identity-providers/:id',
    {
      schema: {
        tags,
        summary: 'Change an identity provider; leave the client secret out to keep the saved one.',
        params: idParams,
        body: updateIdentityProviderBody,
        response: { 200: dataOf(identityProviderSchema), ...errorResponses },
      },
    },
    async (request) => {
      const row = await updateProvider(app.deps, requireActor(request), request.params.id, request.body);
      return { data: present(row) };
    },
  );

  app.delete(
    '/identity-providers/:id',
    {
      schema: {
        tags,
        summary: 'Remove an identity provider; its people keep their accounts.',
        params: idParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await removeProvider(app.deps, requireActor(request), request.params.id);
      return { data: { ok: true as const } };
    },
  );

  app.get(
    '/sso',
    {
      schema: {
        tags,
        summary: 'Whether sign-in is through the identity providers only.',
        response: { 200: dataOf(ssoSettingsSchema), ...errorResponses },
      },
    },
    async (request) => {
      enforce(mayManageIdentityProviders(requireActor(request)));
      const settings = await getInstitutionSettings(app.deps.database.db);
      return { data: { ssoOnly: settings.ssoOnly } };
    },
  );

  app.put(
    '/sso',
    {
      schema: {
        tags,
        summary:
          'SSO-only mode: password sign-in only for administrators (break-glass) and external guests; sign-up only by invitation.',
        body: ssoSettingsBody,
        response: { 200: dataOf(ssoSettingsSchema), ...errorResponses },
      },
    },
    async (request) => {
      await setSsoOnly(app.deps, requireActor(request), request.body.ssoOnly);
      return { data: { ssoOnly: request.body.ssoOnly } };
    },
  );
};
