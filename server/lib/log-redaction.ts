import type { FastifyRequest } from 'fastify';

/** Query parameters that carry a secret: emailed links' tokens, and the OpenID Connect return's code and state. */
const secretParams = ['token', 'code', 'state', 'challenge'];
/** Paths whose last segment is a secret token (the unsubscribe links of notification emails, Ping answer links). */
const secretPathPrefixes = ['/unsubscribe/', '/api/unsubscribe/', '/api/pings/answer-links/'];
/**
 * Requests about Pings and check-ins are logged without the client's address, so the log of an answer
 * to an anonymous Ping or check-in does not point at the person who sent it (#16 §1, §2).
 */
const withoutAddress = ['/api/pings/', '/api/surveys/'];

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
  const url = redactUrl(request.url);
  if (withoutAddress.some((prefix) => request.url.startsWith(prefix)))
    return { method: request.method, url, host: request.host };
  return {
    method: request.method,
    url,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
