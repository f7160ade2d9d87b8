import type { FastifyInstance } from 'fastify';
import { findUnsafeText } from '../../common/safe-text.ts';
import { AppError } from '../errors.ts';

/** A validation_failed error naming each field, in the shape schema validation failures have. */
export function fieldsError(fields: Record<string, string>): AppError {
  const [first] = Object.entries(fields);
  const message = first ? `${first[0]}: ${first[1]}` : 'The request is not valid.';
  return new AppError('validation_failed', message, fields);
}

/** Throws a field-level 400 when any string in `value` holds a NUL or a lone surrogate. */
export function refuseUnsafeText(value: unknown, prefix = ''): void {
  const fields = findUnsafeText(value, prefix);
  if (Object.keys(fields).length > 0) throw fieldsError(fields);
}

/**
 * Every request's path parameters, query and parsed JSON body are checked for text PostgreSQL cannot
 * store (NUL, lone surrogates) before the route's schema runs, so no route can forget it and the
 * answer names the field even when other fields are wrong too. Multipart fields and file names are
 * checked where the parts are read (`checkedPart` in `server/routes/multipart.ts`).
 */
export function registerInputChecks(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const fields = {
      ...findUnsafeText(request.body),
      ...findUnsafeText(request.query),
      ...findUnsafeText(request.params),
    };
    if (Object.keys(fields).length > 0) throw fieldsError(fields);
  });
}
