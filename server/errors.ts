import type { Locale } from '../common/i18n/locales.ts';
import type { MessageId } from '../common/i18n/message-id.ts';
import { isMessageId, translate } from './lib/i18n.ts';

/** The closed set of error codes the API answers with, and the HTTP status of each. */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  request_timeout: 408,
  conflict: 409,
  /** A request with the same Idempotency-Key is still running (server/plugins/idempotency.ts). */
  idempotency_in_flight: 409,
  /** The Idempotency-Key was used for a different request. */
  idempotency_key_reused: 422,
  /** Something that existed once and is gone for good (a one-time link already used, or expired). */
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** A message of the catalogs with the values of its ICU placeholders. */
export interface Message {
  id: MessageId;
  /** A value may itself be a message (a file type's name), translated into the same language. */
  values?: Record<string, string | number | Message>;
}

/** What an error says: a message id, or an id with values. The handler translates it for the reader. */
export type ErrorText = MessageId | Message;

/** A field's entry: a message (translated for the reader) or a machine-readable token ('missing'). */
export type FieldText = ErrorText | (string & {});

/** `id` with its placeholder values, for an AppError or a field message. */
export function message(id: MessageId, values: Record<string, string | number | Message>): Message {
  return { id, values };
}

/** The text of an error or field message in `locale` (tokens such as 'missing' stay as they are). */
export function localize(locale: Locale, text: FieldText): string {
  if (typeof text !== 'string') {
    const values = Object.fromEntries(
      Object.entries(text.values ?? {}).map(([key, value]) => [
        key,
        typeof value === 'object' ? localize(locale, value) : value,
      ]),
    );
    return translate(locale, text.id, values);
  }
  return isMessageId(text) ? translate(locale, text) : text;
}

/** An error that is safe to show to the caller: code, message and optional per-field messages. */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** The message, translated into the request's language when the error is answered. */
  readonly text: ErrorText;
  /** The field messages in English (for logs and code that reads them); `fieldTexts` to translate. */
  readonly fields: Record<string, string> | undefined;
  readonly fieldTexts: Record<string, FieldText> | undefined;
  /** For 429 (and a key in flight): how many seconds to wait, sent as the `Retry-After` header. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    text: ErrorText,
    fields?: Record<string, FieldText>,
    options: { retryAfterSeconds?: number } = {},
  ) {
    // `message` stays English, for logs and for code that reads it.
    super(localize('en', text));
    this.code = code;
    this.text = text;
    this.fieldTexts = fields;
    this.fields = fields && this.localizedFields('en');
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  /** The field messages in `locale`. */
  localizedFields(locale: Locale): Record<string, string> | undefined {
    if (!this.fieldTexts) return undefined;
    return Object.fromEntries(
      Object.entries(this.fieldTexts).map(([key, text]) => [key, localize(locale, text)]),
    );
  }
}

/** A not-found message per kind of thing ("That community was not found."), so each language phrases it. */
export type NotFoundId = Extract<MessageId, `errors.notFound.${string}`>;

export function notFound(what: NotFoundId = 'errors.notFound.that'): AppError {
  return new AppError('not_found', what);
}

/**
 * For `.catch` on a lookup behind another: a 404 of the thing behind (a private community) becomes the
 * 404 of the thing asked for, so the answer does not tell that it exists; any other error goes on.
 */
export function notFoundAs(what: NotFoundId): (error: unknown) => never {
  return (error) => {
    if (error instanceof AppError && error.code === 'not_found') throw notFound(what);
    throw error;
  };
}

export function fieldError(field: string, text: ErrorText, code: ErrorCode = 'validation_failed'): AppError {
  return new AppError(code, text, { [field]: text });
}
