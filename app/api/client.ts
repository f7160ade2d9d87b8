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

async function send(method: string, path: string, init: RequestInit & { query?: Query }): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, init.query), {
      ...init,
      method,
      credentials: 'same-origin',
      headers: { ...apiHeaders(), ...init.headers },
    });
  } catch {
    throw networkError();
  }
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
