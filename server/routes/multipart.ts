import type { Multipart } from '@fastify/multipart';
import { findUnsafeText } from '../../common/safe-text.ts';
import { message } from '../errors.ts';
import { fieldsError, unsafeTextText } from '../plugins/input.ts';

/**
 * A multipart part as read, after the same text check JSON bodies get (`registerInputChecks`): a field
 * value, a part name or a file name holding a NUL or a lone surrogate is refused with a 400 naming the
 * part. Every route that reads multipart parts passes each part through here.
 */
export function checkedPart<T extends Multipart>(part: T): T {
  const fields =
    part.type === 'file'
      ? Object.fromEntries(
          Object.entries(findUnsafeText({ [part.fieldname]: part.filename })).map(([key, problem]) => [
            key,
            message('errors.upload.fileNameInvalid', { problem: unsafeTextText(problem) }),
          ]),
        )
      : Object.fromEntries(
          Object.entries(findUnsafeText({ [part.fieldname]: part.value })).map(([key, problem]) => [
            key,
            unsafeTextText(problem),
          ]),
        );
  if (Object.keys(fields).length === 0) return part;
  if (part.type === 'file') part.file.resume();
  throw fieldsError(fields);
}
