import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordBody,
  completeResetBody,
  emailBody,
  sessionParams,
  sessionSchema,
  sessionStatusSchema,
  setupBody,
  signInBody,
  signUpBody,
  tokenBody,
} from '../../../common/contracts/auth.ts';
import { dataOf, errorBody, errorResponses, okBody } from '../../../common/contracts/shared.ts';
import { signOutSchema } from '../../../common/contracts/sso.ts';
import { signInResultSchema } from '../../../common/contracts/two-factor.ts';
import { acceptedLanguages, matchLocale } from '../../../common/i18n/locales.ts';
import {
  clearSessionCookie,
  idleDeadlineHeader,
  idleMinutes,
  requireActor,
  setSessionCookie,
} from '../../plugins/auth.ts';
import { idleMinutesFor, listUserSessions, touchSession } from '../../queries/sessions.ts';
import { bootstrapAdministrator } from '../../services/auth/bootstrap-administrator.ts';
import { confirmEmail, resendConfirmation } from '../../services/auth/confirm-email.ts';
import {
  changePassword,
  completePasswordReset,
  requestPasswordReset,
} from '../../services/auth/password-reset.ts';
import { revokeSession, shownSessionId, signOut } from '../../services/auth/sessions.ts';
import { signIn } from '../../services/auth/sign-in.ts';
import { signUp } from '../../services/auth/sign-up.ts';
import { signInWithLink } from '../../services/auth/signin-link.ts';
import { findEndSessionUrl } from '../../services/auth/sso-session.ts';
import { hitRateLimit, rateLimits } from '../../services/rate-limit.ts';
import { answerSignIn, twoFactorRoutes } from './two-factor.ts';

const ok = { data: { ok: true as const } };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['auth'];
  const idle = idleMinutes(app);
  await app.register(twoFactorRoutes);

  app.post(
    '/setup',
    {
      schema: {
        tags,
        summary: 'One-time set-up: name the institution and create the first administrator (signed in).',
        body: setupBody,
        response: { 201: okBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token } = await bootstrapAdministrator(app.deps, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      setSessionCookie(app, reply, token);
      return reply.status(201).send(ok);
    },
  );

  app.post(
    '/auth/signup',
    {
      schema: {
        tags,
        summary:
          'Create an account; a confirmation link is emailed. An address that has an account already gets the same answer, and its owner an email instead.',
        body: signUpBody,
        // No 409: the answer never tells whether the address has an account.
        response: { 201: okBody, 400: errorBody, 403: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      await hitRateLimit(app.deps.database.db, `signup:ip:${request.ip}`, rateLimits.signupPerIp);
      await signUp(app.deps, {
        ...request.body,
        language: matchLocale(acceptedLanguages(request.headers['accept-language'])),
      });
      return reply.status(201).send(ok);
    },
  );

  app.post(
    '/auth/confirm-email',
    {
      schema: {
        tags,
        summary: 'Confirm an email address with the token from the link.',
        body: tokenBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await confirmEmail(app.deps, request.body.token, request.ip);
      return ok;
    },
  );

  app.post(
    '/auth/resend-confirmation',
    {
      schema: {
        tags,
        summary: 'Email a new confirmation link (the same answer whether or not the address has an account).',
        body: emailBody,
        response: { 202: okBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await resendConfirmation(app.deps, request.body.email, request.ip);
      return reply.status(202).send(ok);
    },
  );

  app.post(
    '/auth/signin',
    {
      schema: {
        tags,
        summary:
          'Sign in with email and password; sets the session cookie, or (two-factor on, or required for the role) answers signedIn false and the second step to take with its challenge. 429 with Retry-After: wait before trying again from this address; 429 with fields.email = "signin_link_sent": password sign-in for the account is paused and its owner was emailed a sign-in link.',
        body: signInBody,
        response: { 200: dataOf(signInResultSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const outcome = await signIn(app.deps, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      return { data: answerSignIn(app, reply, outcome) };
    },
  );

  app.post(
    '/auth/signin-link',
    {
      schema: {
        tags,
        summary:
          'Sign in with the token of an emailed one-time sign-in link; sets the session cookie, or answers the second step to take (as password sign-in does).',
        body: tokenBody,
        response: { 200: dataOf(signInResultSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const outcome = await signInWithLink(app.deps, {
        token: request.body.token,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      return { data: answerSignIn(app, reply, outcome) };
    },
  );

  app.post(
    '/auth/signout',
    {
      schema: {
        tags,
        summary:
          "End the current session. A session that came through an identity provider answers the provider's end-session address (single log-out) for the browser to go to.",
        response: { 200: dataOf(signOutSchema) },
      },
    },
    async (request, reply) => {
      let endSessionUrl: string | null = null;
      if (request.actor) {
        endSessionUrl = await findEndSessionUrl(app.deps, request.actor.sessionId);
        await signOut(app.deps, request.actor);
      }
      clearSessionCookie(app, reply);
      // The browser drops what it cached of this person's answers (ASVS V14.3.1); not "cookies", which
      // would end the visitor's sessions with every other service of the institution's domain.
      reply.header('clear-site-data', '"cache"');
      return { data: { ok: true as const, endSessionUrl } };
    },
  );

  app.get(
    '/auth/session',
    {
      config: { keepIdle: true },
      schema: {
        tags,
        summary:
          'How long your session has left without activity (asking does not extend it). Administrators have a shorter idle time-out.',
        response: { 200: dataOf(sessionStatusSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return {
        data: {
          idleExpiresAt: (request.sessionIdleExpiresAt ?? new Date()).toISOString(),
          idleMinutes: idleMinutesFor(actor.role, idle),
        },
      };
    },
  );

  app.post(
    '/auth/session/refresh',
    {
      schema: {
        tags,
        summary: "Stay signed in: restarts your session's idle time-out.",
        response: { 200: dataOf(sessionStatusSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const minutes = idleMinutesFor(actor.role, idle);
      const seen = await touchSession(app.deps.database.db, actor.sessionId);
      const idleExpiresAt = new Date(seen.getTime() + minutes * 60_000).toISOString();
      reply.header(idleDeadlineHeader, idleExpiresAt);
      return { data: { idleExpiresAt, idleMinutes: minutes } };
    },
  );

  app.post(
    '/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Email a password-reset link (the same answer whether or not the address has an account).',
        body: emailBody,
        response: { 202: okBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(app.deps, request.body.email, request.ip);
      return reply.status(202).send(ok);
    },
  );

  app.post(
    '/auth/password-reset/complete',
    {
      schema: {
        tags,
        summary: 'Choose a new password with the token from the reset link; every session ends.',
        body: completeResetBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await completePasswordReset(app.deps, request.body.token, request.body.password, request.ip);
      return ok;
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your password (needs the current one); your other sessions end.',
        body: changePasswordBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await changePassword(app.deps, actor, request.body.currentPassword, request.body.newPassword);
      return ok;
    },
  );

  app.get(
    '/auth/sessions',
    {
      schema: {
        tags,
        summary: 'Your signed-in sessions.',
        response: { 200: dataOf(z.array(sessionSchema)), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await listUserSessions(app.deps.database.db, actor.id, idleMinutesFor(actor.role, idle));
      return {
        data: rows.map((row) => ({
          id: shownSessionId(row.id),
          userAgent: row.userAgent,
          ip: row.ip,
          createdAt: row.createdAt.toISOString(),
          lastSeenAt: row.lastSeenAt.toISOString(),
          current: row.id === actor.sessionId,
        })),
      };
    },
  );

  app.delete(
    '/auth/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Sign out one of your other sessions (by the id shown in the list).',
        params: sessionParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await revokeSession(app.deps, actor, request.params.id, idleMinutesFor(actor.role, idle));
      return ok;
    },
  );
};
