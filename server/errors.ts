/** The closed set of error codes the API answers with, and the HTTP status of each. */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** An error that is safe to show to the caller: code, message and optional per-field messages. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  /** For 429: how many seconds to wait, sent as the `Retry-After` header. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    fields?: Record<string, string>,
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** Throws 403 (or 404 when the actor may not even know the object exists) unless `allowed`. */
export function authorize(allowed: boolean, options: { hide?: boolean; message?: string } = {}): void {
  if (allowed) return;
  if (options.hide) throw new AppError('not_found', options.message ?? 'Not found.');
  throw new AppError('forbidden', options.message ?? 'You are not allowed to do that.');
}

export function notFound(what = 'That'): AppError {
  return new AppError('not_found', `${what} was not found.`);
}

export function fieldError(field: string, message: string, code: ErrorCode = 'validation_failed'): AppError {
  return new AppError(code, message, { [field]: message });
}
