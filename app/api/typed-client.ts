// The typed API client: openapi-fetch bound to the types generated from the server's OpenAPI document
// (openapi.gen.ts, kept in step by scripts/api-types.test.ts), so a call's path, parameters, body and
// answer are checked by the compiler against the routes' own contracts:
//
//   const community = dataOf(await api.GET('/api/communities/{slug}', { params: { path: { slug } } }));
//
// Errors behave as with client.ts: an answer that is not ok throws ApiError (field messages included),
// no answer throws the network ApiError, and every answer updates the session's idle deadline.
import createClient, { type Middleware } from 'openapi-fetch';
import { apiHeaders, errorFromAnswer, networkError } from './client.ts';
import type { paths } from './openapi.gen.ts';
import { noteIdleDeadline } from './session.ts';

const copseMiddleware: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(apiHeaders())) request.headers.set(name, value);
    return request;
  },
  async onResponse({ response }) {
    noteIdleDeadline(response.headers.get('x-session-idle-expires'));
    if (response.ok) return response;
    const text = await response.clone().text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    throw errorFromAnswer(response, body);
  },
  onError({ error }) {
    // Our own ApiError from onResponse passes through; anything else means there was no answer.
    if (error instanceof Error && error.name === 'ApiError') return error;
    return networkError();
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(copseMiddleware);

/** The `data` of a `{ data }` answer (a call that failed has thrown already). */
export function dataOf<T>(result: { data?: { data: T } }): T {
  if (!result.data) throw networkError();
  return result.data.data;
}

/** A `{ data, nextCursor }` page. */
export function pageOf<T>(result: { data?: { data: T[]; nextCursor: string | null } }): {
  data: T[];
  nextCursor: string | null;
} {
  if (!result.data) throw networkError();
  return result.data;
}
