// What a zod issue says, as a message of the catalogs: the server's validation answers and the web
// app's forms both turn issues into text here, so a field reads the same before and after sending.
// A schema's own message is a message id (`.min(1, 'validation.name.required')`); an issue without one
// gets the message of its kind, with its parameters (`Use at most {maximum, number} characters.`).
import type { MessageId } from './message-id.ts';

/** The parts of a zod issue that choose and fill its message (zod's `$ZodIssue`, or fastify's copy). */
export interface IssueLike {
  code: string;
  message?: string | undefined;
  origin?: unknown;
  format?: unknown;
  expected?: unknown;
  maximum?: unknown;
  minimum?: unknown;
  divisor?: unknown;
  values?: unknown;
  keys?: unknown;
}

export interface IssueMessage {
  id: MessageId;
  values: Record<string, string | number>;
}

/**
 * Whether a schema's message is a message id. Schemas only use `validation.*` ids and an area's own
 * `<area>.validation.*` ids (`circles.validation.name`; all checked by zod-issues.test.ts against the
 * catalogs), so the shape is enough: no catalog is imported here, which would put the whole English
 * catalog into every form's chunk of the web app.
 */
export function isValidationId(text: string | undefined): text is MessageId {
  return text !== undefined && /^(?:[a-z]+\.)?validation\.[\w.]+$/.test(text);
}

function plain(value: unknown): string | number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map((item) => String(item)).join(', ');
  return value === undefined || value === null ? '' : String(value);
}

const byCode: Record<string, MessageId> = {
  invalid_type: 'validation.invalidType',
  too_big: 'validation.tooBig',
  too_small: 'validation.tooSmall',
  invalid_format: 'validation.invalidFormat',
  invalid_value: 'validation.invalidValue',
  unrecognized_keys: 'validation.unrecognizedKeys',
  not_multiple_of: 'validation.notMultipleOf',
};

/** The message of an issue: its schema's message id, else the message of its kind. */
export function issueMessage(issue: IssueLike): IssueMessage {
  const values: Record<string, string | number> = {};
  for (const key of [
    'origin',
    'format',
    'expected',
    'maximum',
    'minimum',
    'divisor',
    'values',
    'keys',
  ] as const)
    if (issue[key] !== undefined) values[key] = plain(issue[key]);
  const id = isValidationId(issue.message) ? issue.message : (byCode[issue.code] ?? 'validation.invalid');
  return { id, values };
}
