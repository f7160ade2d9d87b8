import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import { errorResponses } from '../../../common/contracts/shared.ts';
import { uploadFields } from '../../../common/contracts/toolkit.ts';
import { issueMessage } from '../../../common/i18n/zod-issues.ts';
import { AppError, fieldError } from '../../errors.ts';
import { uploadTexts } from '../../lib/files/check-upload.ts';
import {
  drain,
  receiveToTempFile,
  removeTempFile,
  type TempFile,
  uploadTempFolder,
} from '../../lib/files/temp-file.ts';
import { requireActor } from '../../plugins/auth.ts';
import { refuseDeclaredLengthOver } from '../../plugins/input.ts';
import { addUploadedResource, checkMayUpload } from '../../services/toolkit/add-resource.ts';
import { checkedPart } from '../multipart.ts';
import { created, tags } from './route-parts.ts';

/** The part of a multipart upload that is not the file: each field once, `topicIds` repeated. */
function collectFields(fields: Record<string, string[]>) {
  const { topicIds = [], ...rest } = fields;
  return { ...Object.fromEntries(Object.entries(rest).map(([key, values]) => [key, values[0]])), topicIds };
}

/** Uploading a file resource: multipart, streamed to a temporary file and checked there. */
export const uploadRoutes: FastifyPluginAsyncZod = async (app) => {
  const maxBytes = app.deps.env.UPLOAD_MAX_MB * 1024 * 1024;

  app.post(
    '/communities/:slug/resources/upload',
    {
      onRequest: refuseDeclaredLengthOver(maxBytes, uploadTexts.tooLarge(maxBytes)),
      schema: {
        tags,
        summary:
          'Upload a file resource (multipart/form-data: fields kind, title, description, topicIds, then the part "file"). The bytes must be an allowed type matching the name; SVG, HTML and programs are refused.',
        consumes: ['multipart/form-data'],
        params: slugParams,
        response: { 201: created, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      // Whether the actor may add to this Toolkit is answered first, before anything is read.
      await checkMayUpload(app.deps, actor, request.params.slug);
      if (!request.isMultipart()) {
        throw new AppError('unsupported_media_type', 'errors.toolkit.uploadMultipart');
      }
      const fields: Record<string, string[]> = {};
      // The file is streamed into a temporary file and checked there, never held whole in memory;
      // the temporary file is removed on every path (moved into storage when accepted).
      let upload: { filename: string; bytes: TempFile } | undefined;
      try {
        for await (const raw of request.parts()) {
          const part = checkedPart(raw);
          if (part.type === 'field') {
            if (typeof part.value === 'string')
              fields[part.fieldname] = [...(fields[part.fieldname] ?? []), part.value];
            continue;
          }
          if (part.fieldname !== 'file' || upload) {
            await drain(part.file);
            throw fieldError(part.fieldname, 'errors.toolkit.oneFile');
          }
          // Refuse before reading the bytes when the fields are wrong.
          const parsed = uploadFields.safeParse(collectFields(fields));
          if (!parsed.success) {
            part.file.resume();
            const [first] = parsed.error.issues;
            throw new AppError(
              'validation_failed',
              first ? issueMessage(first) : 'errors.request.invalid',
              Object.fromEntries(
                parsed.error.issues.map((issue) => [issue.path.join('.') || 'body', issueMessage(issue)]),
              ),
            );
          }
          const bytes = await receiveToTempFile(part.file, {
            folder: uploadTempFolder(app.deps.env),
            tooLarge: () => fieldError('file', uploadTexts.tooLarge(maxBytes), 'payload_too_large'),
          });
          upload = { filename: part.filename, bytes };
        }
        if (!upload) throw fieldError('file', 'errors.toolkit.chooseFile');
        const input = uploadFields.parse(collectFields(fields));
        const id = await addUploadedResource(app.deps, actor, request.params.slug, input, upload);
        return reply.status(201).send({ data: { id } });
      } finally {
        await removeTempFile(upload?.bytes);
      }
    },
  );
};
