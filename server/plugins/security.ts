import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { AppError } from '../errors.ts';
import { videoFrameSources } from '../lib/video.ts';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Security headers with a strict CSP, and a cross-site request check on every state-changing API call:
 * a browser tells us where a request came from (Sec-Fetch-Site, Origin); anything cross-site, and an
 * opaque `Origin: null`, is refused. A request with neither header passes: non-browser clients send
 * neither and carry no ambient cookies, and an old browser's cross-site POST comes without the session
 * because the cookie is SameSite=Lax (see "Accounts and security" in docs/ARCHITECTURE.md).
 */
export async function registerSecurity(app: FastifyInstance): Promise<void> {
  const secure = app.deps.env.publicUrl.startsWith('https://');
  const headers = helmetHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables in style attributes; no script may be inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        // Toolkit videos embed from the privacy-preserving players only.
        frameSrc: videoFrameSources,
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
    strictTransportSecurity: secure,
    crossOriginEmbedderPolicy: false,
  });
  if (!app.controlsOff.has('security-headers'))
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });

  if (app.controlsOff.has('cross-site-check')) return;
  const allowedOrigins = new Set([new URL(app.deps.env.publicUrl).origin]);
  app.addHook('onRequest', async (request) => {
    if (!unsafeMethods.has(request.method) || !request.url.startsWith('/api/')) return;
    const site = request.headers['sec-fetch-site'];
    if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
      throw new AppError('forbidden', 'errors.request.crossSite');
    }
    const origin = request.headers.origin;
    // "null" is what sandboxed frames, file: pages and cross-origin redirects send: never our own page.
    if (origin === 'null') throw new AppError('forbidden', 'errors.request.crossSite');
    if (typeof origin === 'string') {
      const host = request.headers.host;
      const sameHost = host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
      if (!sameHost && !allowedOrigins.has(origin)) {
        throw new AppError('forbidden', 'errors.request.crossSite');
      }
    }
  });
}

/**
 * The headers helmet sets, worked out once: they are the same for every response, and building the
 * helmet middleware per request (as @fastify/helmet does) costs several per cent of a small API call.
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return headers;
}
