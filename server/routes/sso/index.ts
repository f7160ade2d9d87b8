import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tokenBody } from '../../../common/contracts/auth.ts';
import { dataOf, errorResponses, idParams, okBody } from '../../../common/contracts/shared.ts';
import {
  linkedIdentitySchema,
  ssoCallbackQuery,
  ssoLinkPasswordBody,
  ssoOptionsSchema,
  ssoPendingLinkSchema,
  ssoStartQuery,
} from '../../../common/contracts/sso.ts';
import { AppError } from '../../errors.ts';
import { requireActor, setSessionCookie } from '../../plugins/auth.ts';
import { listUserIdentities } from '../../queries/identities.ts';
import {
  getPendingLink,
  linkByEmailToken,
  linkWithPassword,
  sendLinkByEmail,
} from '../../services/auth/sso-link.ts';
import { getSsoOptions } from '../../services/auth/sso-session.ts';
import { finishSsoSignIn, pendingLinkLifetimeMs, startSsoSignIn } from '../../services/auth/sso-sign-in.ts';

const linkCookie = 'copse_sso_link';
const linkCookiePath = '/api/auth/sso/link';
const redirectResponse = z.null().describe('A redirect (Location header).');

/** Single sign-on with OpenID Connect: the sign-in page's buttons, the round trip, and linking an account. */
export const ssoRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['auth', 'sso'];
  const secure = app.deps.env.publicUrl.startsWith('https://');
  const linkCookieOptions = { path: linkCookiePath, httpOnly: true, sameSite: 'lax' as const, secure };
  const pendingToken = (cookies: Record<string, string | undefined>) => {
    const token = cookies[linkCookie];
    if (!token) throw new AppError('not_found', 'errors.sso.linkExpired');
    return token;
  };
  const who = (request: { ip: string; headers: Record<string, unknown> }) => ({
    ip: request.ip,
    userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : '',
  });

  app.get(
    '/auth/sso/options',
    {
      schema: {
        tags,
        summary:
          'The identity providers to offer on the sign-in page, and whether sign-in is through them only.',
        response: { 200: dataOf(ssoOptionsSchema), ...errorResponses },
      },
    },
    async () => ({ data: await getSsoOptions(app.deps) }),
  );

  app.get(
    '/auth/sso/:id/start',
    {
      schema: {
        tags,
        summary:
          'Sign in with an identity provider: redirects to it (state, nonce and PKCE kept server-side, usable once).',
        params: idParams,
        querystring: ssoStartQuery,
        response: { 302: redirectResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      try {
        const url = await startSsoSignIn(app.deps, request.params.id, request.query.next);
        return reply.redirect(url, 302);
      } catch (error) {
        request.log.warn({ err: error, provider: request.params.id }, 'single sign-on could not start');
        return reply.redirect('/signin?ssoError=unavailable', 302);
      }
    },
  );

  app.get(
    '/auth/sso/callback',
    {
      schema: {
        tags,
        summary:
          'Where identity providers send people back (register it as the redirect URI). Signs in, or asks to link an existing account, or returns to the sign-in page with ssoError.',
        querystring: ssoCallbackQuery,
        response: { 302: redirectResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const callbackUrl = new URL(request.url, app.deps.env.publicUrl);
      const outcome = await finishSsoSignIn(app.deps, { query: request.query, callbackUrl, ...who(request) });
      if (outcome.kind === 'refused') {
        request.log.warn({ err: outcome.detail, reason: outcome.reason }, 'single sign-on refused');
        return reply.redirect(`/signin?ssoError=${outcome.reason}`, 302);
      }
      if (outcome.kind === 'link') {
        reply.setCookie(linkCookie, outcome.linkToken, {
          ...linkCookieOptions,
          maxAge: Math.floor(pendingLinkLifetimeMs / 1000),
        });
        return reply.redirect('/signin/sso-link', 302);
      }
      setSessionCookie(app, reply, outcome.token);
      return reply.redirect(outcome.next, 302);
    },
  );

  app.get(
    '/auth/sso/link',
    {
      schema: {
        tags,
        summary:
          'The provider identity waiting to be linked to the account with its email address (this browser’s, from the callback).',
        response: { 200: dataOf(ssoPendingLinkSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await getPendingLink(app.deps, pendingToken(request.cookies)) }),
  );

  app.post(
    '/auth/sso/link/password',
    {
      schema: {
        tags,
        summary:
          "Prove it is your account with its password: the provider's identity is linked and you are signed in.",
        body: ssoLinkPasswordBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token } = await linkWithPassword(
        app.deps,
        pendingToken(request.cookies),
        request.body.password,
        who(request),
      );
      reply.clearCookie(linkCookie, linkCookieOptions);
      setSessionCookie(app, reply, token);
      return { data: { ok: true as const } };
    },
  );

  app.post(
    '/auth/sso/link/email',
    {
      schema: {
        tags,
        summary:
          "Email the account's address a link that, followed, links the provider's identity and signs in.",
        response: { 202: okBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await sendLinkByEmail(app.deps, pendingToken(request.cookies));
      return reply.status(202).send({ data: { ok: true as const } });
    },
  );

  app.post(
    '/auth/sso/link/confirm',
    {
      schema: {
        tags,
        summary:
          "Follow the emailed link (its token): the provider's identity is linked and you are signed in.",
        body: tokenBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token } = await linkByEmailToken(app.deps, request.body.token, who(request));
      reply.clearCookie(linkCookie, linkCookieOptions);
      setSessionCookie(app, reply, token);
      return { data: { ok: true as const } };
    },
  );

  app.get(
    '/auth/identities',
    {
      schema: {
        tags,
        summary: 'The identity providers linked to your account.',
        response: { 200: dataOf(z.array(linkedIdentitySchema)), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listUserIdentities(app.deps.database.db, requireActor(request).id);
      return {
        data: rows.map((row) => ({
          id: row.id,
          providerName: row.providerName,
          issuer: row.issuer,
          linkedAt: row.createdAt.toISOString(),
          lastUsedAt: row.lastUsedAt.toISOString(),
        })),
      };
    },
  );
};
