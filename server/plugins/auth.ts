import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Actor } from '../lib/actor.ts';
import { hashToken } from '../lib/crypto.ts';
import { enforce } from '../policies/decision.ts';
import { mayPartnerReach } from '../policies/projects.ts';
import {
  findActorBySessionId,
  findProfileBySessionId,
  type IdleMinutes,
  idleMinutesFor,
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
    /** When the signed-in session ends if no other request comes (null when signed out). */
    sessionIdleExpiresAt: Date | null;
  }
  interface FastifyContextConfig {
    /** Load the actor's whole profile with the session (one query instead of two). */
    actorProfile?: boolean;
    /** Only read the session: asking how long it has left must not extend it. */
    keepIdle?: boolean;
  }
}

/** How often a session's last-seen time is written: every 5 minutes, or a tenth of a shorter time-out. */
function touchEveryMs(idleMinutes: number): number {
  return Math.min(5 * 60_000, (idleMinutes * 60_000) / 10);
}

/**
 * The header that tells the web app when this session ends if nothing else happens, so it can warn the
 * person before (app/components/session-timeout.tsx).
 */
export const idleDeadlineHeader = 'x-session-idle-expires';

/** The idle time-outs from the configuration. */
export function idleMinutes(app: FastifyInstance): IdleMinutes {
  return {
    member: app.deps.env.SESSION_IDLE_MINUTES,
    administrator: app.deps.env.ADMIN_SESSION_IDLE_MINUTES,
  };
}

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
  app.decorateRequest('sessionIdleExpiresAt', null);
  const idle = idleMinutes(app);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[cookieName];
    if (!token) return;
    const { db } = app.deps.database;
    const sessionId = hashToken(token);
    let lastSeenAt: Date;
    if (request.routeOptions.config.actorProfile) {
      const row = await findProfileBySessionId(db, sessionId, idle);
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
        confinedToProjects: row.confinedToProjects,
      };
      request.actorProfile = { user, unitName };
      lastSeenAt = row.lastSeenAt;
    } else {
      const row = await findActorBySessionId(db, sessionId, idle);
      if (!row) return;
      const { lastSeenAt: seen, ...actor } = row;
      request.actor = actor;
      lastSeenAt = seen;
    }
    const minutes = idleMinutesFor(request.actor.role, idle);
    if (!request.routeOptions.config.keepIdle && Date.now() - lastSeenAt.getTime() > touchEveryMs(minutes))
      lastSeenAt = await touchSession(db, sessionId);
    request.sessionIdleExpiresAt = new Date(lastSeenAt.getTime() + minutes * 60_000);
    reply.header(idleDeadlineHeader, request.sessionIdleExpiresAt.toISOString());
    // An external partner reaches only their projects, account and notifications; all else is 404.
    if (!app.controlsOff.has('partner-reach'))
      enforce(mayPartnerReach(request.actor, request.routeOptions.url));
  });
}

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string): void {
  const secure = app.deps.env.publicUrl.startsWith('https://');
  const flags = !app.controlsOff.has('session-cookie-flags');
  reply.setCookie(sessionCookieName(app.deps.env.publicUrl), token, {
    path: '/',
    httpOnly: flags,
    ...(flags ? { sameSite: 'lax' as const } : {}),
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
