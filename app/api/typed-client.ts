// The typed API client: calls are typed by openapi-fetch's `Client` against the types generated from the
// server's OpenAPI document (openapi.gen.ts, kept in step by scripts/api-types.test.ts), so a call's
// path, parameters, body and answer are checked by the compiler against the routes' own contracts:
//
//   const community = dataOf(await api.GET('/api/communities/{slug}', { params: { path: { slug } } }));
//
// Only openapi-fetch's types are used: the requests go through the few lines below, which fill the path,
// write the query and the JSON body and share client.ts's errors, language header and idle deadline.
// openapi-fetch's own runtime (2.4 KB compressed on every first load, for serializers and middleware
// Copse does not use) took two landing pages over their size budget.
//
// Errors behave as with client.ts: an answer that is not ok throws ApiError (field messages included),
// no answer throws the network ApiError. POSTs carry an Idempotency-Key (client.ts's `fetchApi`).
import type { Client } from 'openapi-fetch';
import { apiHeaders, errorFromAnswer, fetchApi, networkError } from './client.ts';
import type { paths } from './openapi.gen.ts';
import { noteIdleDeadline } from './session.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Scalar = string | number | boolean;

interface Init {
  params?: { path?: Record<string, Scalar>; query?: Record<string, Scalar | Scalar[] | null | undefined> };
  body?: unknown;
}

/** `/api/threads/{id}` with `{ id }` → `/api/threads/…`, plus the query without empty values. */
function address(path: string, params: Init['params']): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(params?.path?.[name] ?? '')),
  );
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params?.query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const query = search.toString();
  return query ? `${filled}?${query}` : filled;
}

async function call(
  method: Method,
  path: string,
  init: Init = {},
): Promise<{ data: unknown; response: Response }> {
  const headers: Record<string, string> = apiHeaders();
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetchApi(address(path, init.params), {
    method,
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  noteIdleDeadline(response.headers.get('x-session-idle-expires'));
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) throw errorFromAnswer(response, data);
  return { data, response };
}

type TypedClient = Pick<Client<paths>, Method>;

/** The JSON of a request body or an answer in the generated types: `Json<paths[P]['post']['requestBody']>`. */
export type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The query parameters of an operation in the generated types. */
export type Query<Operation> = Operation extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

const methods = (method: Method) => (path: string, init?: Init) => call(method, path, init);

// The one cast: the methods above take any path; the compiler holds callers to the generated types.
export const api = {
  GET: methods('GET'),
  POST: methods('POST'),
  PUT: methods('PUT'),
  PATCH: methods('PATCH'),
  DELETE: methods('DELETE'),
} as unknown as TypedClient;

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

/**
 * What every cursor-paged list shares (spread into `useInfiniteQuery`): the first page is asked for
 * without a cursor, the next one with the answer's `nextCursor`, and there is none after a null.
 */
export const cursorPages = {
  initialPageParam: '',
  getNextPageParam: (last: { nextCursor?: string | null }) => last.nextCursor ?? undefined,
};
