import type { FastifyRequest } from 'fastify';

/** Query parameters that carry a secret: emailed links' tokens, and the OpenID Connect return's code and state. */
const secretParams = ['token', 'code', 'state', 'challenge'];
/** Paths whose last segment is a secret token (the unsubscribe links of notification emails). */
const secretPathPrefixes = ['/unsubscribe/', '/api/unsubscribe/'];

/**
 * A request's address as the log may keep it: the secrets emailed links carry (sign-in and reset
 * tokens, unsubscribe links) and the provider's code and state replaced by `[redacted]`, so whoever
 * reads the logs cannot use them.
 */
export function redactUrl(url: string): string {
  const [path = '', query] = url.split('?', 2);
  let shown = path;
  for (const prefix of secretPathPrefixes) {
    if (path.startsWith(prefix) && path.length > prefix.length) shown = `${prefix}[redacted]`;
  }
  if (query === undefined) return shown;
  const params = new URLSearchParams(query);
  for (const name of secretParams) if (params.has(name)) params.set(name, '[redacted]');
  return `${shown}?${params.toString().replaceAll('%5Bredacted%5D', '[redacted]')}`;
}

/** Fastify's request log line (its default fields), with the address redacted. */
export function requestLogFields(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
