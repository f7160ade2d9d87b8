import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf, errorResponses, okBody } from '../../../common/contracts/shared.ts';
import {
  challengeBody,
  challengeCodeBody,
  codeBody,
  enrolConfirmBody,
  recoveryCodesSchema,
  type SignInResult,
  signInResultSchema,
  turnOffTwoFactorBody,
  twoFactorSetupSchema,
  twoFactorStatusSchema,
} from '../../../common/contracts/two-factor.ts';
import { requireActor, setSessionCookie } from '../../plugins/auth.ts';
import type { SignInOutcome } from '../../services/auth/challenges.ts';
import {
  beginSigninEnrolment,
  confirmSigninEnrolment,
  verifySecondStep,
} from '../../services/auth/second-step.ts';
import {
  confirmTwoFactor,
  getTwoFactorStatus,
  regenerateRecoveryCodes,
  startTwoFactorSetup,
  turnOffTwoFactor,
} from '../../services/auth/two-factor-settings.ts';

/** A local sign-in's answer: the session cookie when signed in, else the second step and its challenge. */
export function answerSignIn(
  app: FastifyInstance,
  reply: FastifyReply,
  outcome: SignInOutcome,
): SignInResult {
  if (outcome.kind === 'signed_in') {
    setSessionCookie(app, reply, outcome.token);
    return { signedIn: true, secondStep: null };
  }
  return {
    signedIn: false,
    secondStep: {
      step: outcome.step,
      challenge: outcome.challenge,
      expiresAt: outcome.expiresAt.toISOString(),
    },
  };
}

/** Two-factor sign-in: the second step of a sign-in, and turning it on and off in the settings. */
export const twoFactorRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['auth'];
  const client = (request: { ip: string; headers: { 'user-agent'?: string | undefined } }) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? '',
  });

  app.post(
    '/auth/two-factor/verify',
    {
      schema: {
        tags,
        summary:
          'The second step of a sign-in: the challenge and a six-digit code from the authenticator app, or a recovery code (each works once); sets the session cookie. Wrong codes count as failed sign-ins (429 with Retry-After past the limit); a code already used is refused; after five wrong codes, or five minutes, sign in again.',
        body: challengeCodeBody,
        response: { 200: dataOf(signInResultSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token } = await verifySecondStep(app.deps, { ...request.body, ...client(request) });
      setSessionCookie(app, reply, token);
      return { data: { signedIn: true, secondStep: null } };
    },
  );

  app.post(
    '/auth/two-factor/enrol',
    {
      schema: {
        tags,
        summary:
          'For a role that requires two-factor and has none yet, during sign-in: a new authenticator secret (QR code and text). Confirm it with /auth/two-factor/enrol/confirm.',
        body: challengeBody,
        response: { 200: dataOf(twoFactorSetupSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await beginSigninEnrolment(app.deps, request.body.challenge) }),
  );

  app.post(
    '/auth/two-factor/enrol/confirm',
    {
      schema: {
        tags,
        summary:
          'Confirm the new authenticator with its first code: two-factor is on, the session cookie is set, and the recovery codes are answered (once).',
        body: enrolConfirmBody,
        response: { 200: dataOf(recoveryCodesSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token, recoveryCodes } = await confirmSigninEnrolment(app.deps, {
        ...request.body,
        ...client(request),
      });
      setSessionCookie(app, reply, token);
      return { data: { recoveryCodes } };
    },
  );

  app.get(
    '/account/two-factor',
    {
      schema: {
        tags,
        summary:
          'Whether your two-factor sign-in is on, whether your role requires it, and recovery codes left.',
        response: { 200: dataOf(twoFactorStatusSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await getTwoFactorStatus(app.deps, requireActor(request)) }),
  );

  app.post(
    '/account/two-factor/setup',
    {
      schema: {
        tags,
        summary:
          'Start turning two-factor sign-in on: a new secret for your authenticator app (QR code and text), shown this once. 409 when it is on.',
        response: { 200: dataOf(twoFactorSetupSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await startTwoFactorSetup(app.deps, requireActor(request)) }),
  );

  app.post(
    '/account/two-factor/confirm',
    {
      schema: {
        tags,
        summary:
          'Turn two-factor sign-in on with the first code from the app; answers 10 recovery codes, once.',
        body: codeBody,
        response: { 200: dataOf(recoveryCodesSchema), ...errorResponses },
      },
    },
    async (request) => ({
      data: { recoveryCodes: await confirmTwoFactor(app.deps, requireActor(request), request.body.code) },
    }),
  );

  app.post(
    '/account/two-factor/recovery-codes',
    {
      schema: {
        tags,
        summary: 'New recovery codes (the old ones stop working); needs a current code from the app.',
        body: codeBody,
        response: { 200: dataOf(recoveryCodesSchema), ...errorResponses },
      },
    },
    async (request) => ({
      data: {
        recoveryCodes: await regenerateRecoveryCodes(app.deps, requireActor(request), request.body.code),
      },
    }),
  );

  app.post(
    '/account/two-factor/disable',
    {
      schema: {
        tags,
        summary:
          'Turn two-factor sign-in off, with your password or a current code. Refused (409) when your role requires it.',
        body: turnOffTwoFactorBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await turnOffTwoFactor(app.deps, requireActor(request), request.body);
      return { data: { ok: true as const } };
    },
  );
};
