import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Actor } from '../lib/actor.ts';
import { hashToken } from '../lib/crypto.ts';
import {
  findActorBySessionId,
  findProfileBySessionId,
  sessionLifetimeMs,
  touchSession,
} from '../queries/sessions.ts';
import type { ProfileRow } from '../queries/users.ts';

/** The signed-in person's whole profile, loaded with the session on routes that ask for it. */
export interface ActorProfile {
  user: ProfileRow;
  unitName: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    actorProfile: ActorProfile | null;
  }
  interface FastifyContextConfig {
    /** Load the actor's whole profile with the session (one query instead of two). */
    actorProfile?: boolean;
  }
}

const touchEveryMs = 5 * 60 * 1000;

/** The session cookie's name: `__Host-` prefixed over https; a plain name on http://localhost. */
export function sessionCookieName(publicUrl: string): string {
  return publicUrl.startsWith('https://') ? '__Host-copse_session' : 'copse_session';
}

/** Reads the session cookie on every request and sets `request.actor`. */
export async function registerAuth(app: FastifyInstance): Promise<void> {
  await app.register(cookie);
  const cookieName = sessionCookieName(app.deps.env.publicUrl);
  app.decorateRequest('actor', null);
  app.decorateRequest('actorProfile', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[cookieName];
    if (!token) return;
    const { db } = app.deps.database;
    const sessionId = hashToken(token);
    let lastSeenAt: Date;
    if (request.routeOptions.config.actorProfile) {
      const row = await findProfileBySessionId(db, sessionId);
      if (!row) return;
      const { user, unitName } = row;
      request.actor = {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        kind: user.kind,
        language: user.language,
        sessionId,
      };
      request.actorProfile = { user, unitName };
      lastSeenAt = row.lastSeenAt;
    } else {
      const row = await findActorBySessionId(db, sessionId);
      if (!row) return;
      const { lastSeenAt: seen, ...actor } = row;
      request.actor = actor;
      lastSeenAt = seen;
    }
    if (Date.now() - lastSeenAt.getTime() > touchEveryMs) await touchSession(db, sessionId);
  });
}

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string): void {
  const secure = app.deps.env.publicUrl.startsWith('https://');
  reply.setCookie(sessionCookieName(app.deps.env.publicUrl), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: Math.floor(sessionLifetimeMs / 1000),
  });
}

export function clearSessionCookie(app: FastifyInstance, reply: FastifyReply): void {
  const secure = app.deps.env.publicUrl.startsWith('https://');
  reply.clearCookie(sessionCookieName(app.deps.env.publicUrl), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}

/** The signed-in actor's profile on a route configured with `actorProfile: true`, or a 401. */
export function requireActorProfile(request: FastifyRequest): ActorProfile {
  if (!request.actorProfile) throw new AppError('unauthenticated', 'errors.auth.signIn');
  return request.actorProfile;
}

/** The signed-in actor, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'errors.auth.signIn');
  return request.actor;
}
