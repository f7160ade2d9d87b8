/**
 * What the request log may say about a request. Secrets that travel in the path are cut out of the
 * address before it is logged: a Ping's one-click answer token (it answers for its recipient) must
 * never reach a log line.
 */
const secretPaths = [/^(\/api\/pings\/answer-links\/)[^/?#]+/];

/** The request's address with every secret path segment replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  let redacted = url;
  for (const pattern of secretPaths) redacted = redacted.replace(pattern, '$1[redacted]');
  return redacted;
}

/** Fastify's request serializer for the logger: method and redacted address (no headers, no cookies). */
export function serializeRequest(request: {
  method: string;
  url: string;
  id?: string;
  ip?: string;
}): Record<string, string | undefined> {
  return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
}
