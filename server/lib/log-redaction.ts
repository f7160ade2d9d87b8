/**
 * What the request log may say about a request. Secrets that travel in the path are cut out of the
 * address before it is logged: a Ping's one-click answer token (it answers for its recipient) must
 * never reach a log line. Requests about Pings are logged without the client's address, so the log of
 * an answer to an anonymous Ping does not point at the person who sent it (#16 §1).
 */
const secretPaths = [/^(\/api\/pings\/answer-links\/)[^/?#]+/];
const withoutAddress = /^\/api\/pings\//;

/** The request's address with every secret path segment replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  let redacted = url;
  for (const pattern of secretPaths) redacted = redacted.replace(pattern, '$1[redacted]');
  return redacted;
}

/** Fastify's request serializer for the logger: method and redacted address (no headers, no cookies). */
export function serializeRequest(request: { method: string; url: string; ip?: string }): {
  method: string;
  url: string;
  remoteAddress?: string | undefined;
} {
  const url = redactUrl(request.url);
  if (withoutAddress.test(request.url)) return { method: request.method, url };
  return { method: request.method, url, remoteAddress: request.ip };
}
