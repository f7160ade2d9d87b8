/** A small typed fetch client for the Copse API: JSON in and out, same-origin cookies, typed errors. */
import { currentLocale, i18n } from '../i18n/i18n.ts';
import { noteIdleDeadline } from './session.ts';

/** An error answer from the API: `{ error, message, fields? }` plus the HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  readonly error: string;
  readonly fields: Record<string, string>;
  /** From a 429's Retry-After header: seconds to wait before trying again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: number,
    error: string,
    message: string,
    fields: Record<string, string> = {},
    retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.error = error;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds `/api/path?query`, leaving out empty values. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item;
  return out;
}

async function parse(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The ApiError for an answer that is not ok (its JSON body already read, when it had one). */
export function errorFromAnswer(response: Response, body: unknown): ApiError {
  const error = isRecord(body) ? body : {};
  const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
  return new ApiError(
    response.status,
    typeof error.error === 'string' ? error.error : 'internal',
    typeof error.message === 'string'
      ? error.message
      : i18n._('common.error.status', { status: response.status }),
    stringRecord(error.fields),
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

/** The ApiError for a request that never got an answer (offline, server down). */
export function networkError(): ApiError {
  return new ApiError(0, 'network', i18n._('common.error.network'));
}

/** The headers every API request carries: JSON, and the language shown (the server answers in it). */
export function apiHeaders(): Record<string, string> {
  return { Accept: 'application/json', 'Accept-Language': currentLocale() };
}

/** A new Idempotency-Key: a UUID (crypto.randomUUID needs https or localhost; the fallback does not). */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/** How often a POST is sent again, with its key, after no answer came or while its twin still runs. */
const postRetries = 2;

const wait = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** Whether an answer is the server's "a request with this key is still running" (409 with Retry-After). */
async function isKeyInFlight(response: Response): Promise<boolean> {
  if (response.status !== 409) return false;
  const body = await parse(response.clone());
  return isRecord(body) && body.error === 'idempotency_in_flight';
}

/**
 * `fetch` for the API over `transport` (the browser's `fetch`; a test gives one that records what it is
 * sent): same-origin cookies; the network ApiError when no answer comes. Every POST carries an
 * `Idempotency-Key` (server/plugins/idempotency.ts): the same key when it is sent again after no answer
 * came (the first may have arrived) and for a second submit of the same JSON while the first runs, so
 * either way the server creates one record and answers the first answer again.
 */
export function fetchApiOver(transport: typeof fetch) {
  /** The keys of the POSTs under way, by address and JSON body: a second submit of the same one shares it. */
  const keysInFlight = new Map<string, string>();
  return async (url: string, init: RequestInit & { method: string }): Promise<Response> => {
    if (init.method !== 'POST') {
      try {
        return await transport(url, { ...init, credentials: 'same-origin' });
      } catch {
        throw networkError();
      }
    }
    const twin = typeof init.body === 'string' ? `${url}\n${init.body}` : undefined;
    const shared = twin === undefined ? undefined : keysInFlight.get(twin);
    const key = shared ?? newIdempotencyKey();
    if (twin !== undefined && shared === undefined) keysInFlight.set(twin, key);
    try {
      for (let attempt = 0; ; attempt++) {
        let response: Response;
        try {
          response = await transport(url, {
            ...init,
            credentials: 'same-origin',
            headers: { ...init.headers, 'Idempotency-Key': key },
          });
        } catch {
          if (attempt >= postRetries) throw networkError();
          await wait(attempt + 1);
          continue;
        }
        if (attempt < postRetries && (await isKeyInFlight(response))) {
          await wait(Number(response.headers.get('retry-after')) || 1);
          continue;
        }
        return response;
      }
    } finally {
      if (twin !== undefined && shared === undefined) keysInFlight.delete(twin);
    }
  };
}

/** `fetchApi` over the browser's `fetch`. */
export const fetchApi = fetchApiOver((input, init) => fetch(input, init));

async function send(method: string, path: string, init: RequestInit & { query?: Query }): Promise<unknown> {
  const response = await fetchApi(apiUrl(path, init.query), {
    ...init,
    method,
    headers: { ...apiHeaders(), ...init.headers },
  });
  noteIdleDeadline(response.headers.get('x-session-idle-expires'));
  const body = await parse(response);
  if (!response.ok) throw errorFromAnswer(response, body);
  return body;
}

/** The `data` member of a `{ data }` answer. */
function dataOf<T>(body: unknown): T {
  return (isRecord(body) ? body.data : undefined) as T;
}

/** GET a `{ data }` answer. */
export async function apiGet<T>(path: string, query?: Query): Promise<T> {
  return dataOf<T>(await send('GET', path, { query }));
}

/** GET an answer whose whole body is wanted (e.g. `{ data, counts }`), not only its `data`. */
export async function apiGetBody<T>(path: string, query?: Query): Promise<T> {
  return (await send('GET', path, { query })) as T;
}

/** GET a `{ data, nextCursor }` answer. */
export async function apiGetPage<T>(path: string, query?: Query): Promise<Page<T>> {
  const body = await send('GET', path, { query });
  const page = isRecord(body) ? body : {};
  return {
    data: Array.isArray(page.data) ? (page.data as T[]) : [],
    nextCursor: typeof page.nextCursor === 'string' ? page.nextCursor : null,
  };
}

/** POST, PUT, PATCH or DELETE with an optional JSON body; resolves to the answer's `data`. */
export async function apiSend<T = { ok: true }>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const init: RequestInit =
    body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
  return dataOf<T>(await send(method, path, init));
}

/** PUT a file as multipart/form-data in the field "file". */
export async function apiUpload<T = { ok: true }>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  return dataOf<T>(await send('PUT', path, { body: form }));
}

/** POST a file as multipart/form-data in the field "file", with an optional query (e.g. `dryRun`). */
export async function apiPostFile<T>(path: string, file: File, query?: Query): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  return dataOf<T>(await send('POST', path, { body: form, query }));
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return i18n._('common.error.generic');
}
