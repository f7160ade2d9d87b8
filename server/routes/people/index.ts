import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { badgeListSchema } from '../../../common/contracts/badges.ts';
import { peopleQuery, updateMeBody } from '../../../common/contracts/people.ts';
import {
  dataOf,
  errorResponses,
  idParams,
  listOf,
  meSchema,
  okBody,
  personSchema,
  personSummarySchema,
} from '../../../common/contracts/shared.ts';
import { AppError } from '../../errors.ts';
import {
  receiveToTempFile,
  removeTempFile,
  type TempFile,
  uploadTempFolder,
} from '../../lib/files/temp-file.ts';
import { requireActor, requireActorProfile } from '../../plugins/auth.ts';
import { enforce } from '../../policies/decision.ts';
import { mayBrowsePeople } from '../../policies/people.ts';
import { presentMe, presentPerson, presentPersonSummary } from '../../presenters/users.ts';
import { searchPeople } from '../../queries/people.ts';
import { findProfileById, findUserById } from '../../queries/users.ts';
import { getBadges } from '../../services/badges/badges.ts';
import {
  maxPhotoBytes,
  photoContentType,
  removeProfilePhoto,
  setProfilePhoto,
} from '../../services/people/profile-photo.ts';
import { updateProfile } from '../../services/people/update-profile.ts';

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: { fileSize: maxPhotoBytes, files: 1, fields: 5 } });

  app.get(
    '/me',
    {
      config: { actorProfile: true },
      schema: {
        tags: ['profile'],
        summary: 'The signed-in person, with their private settings.',
        response: { 200: dataOf(meSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { user, unitName } = requireActorProfile(request);
      return { data: presentMe(user, unitName, request.actor?.confinedToProjects === true) };
    },
  );

  app.patch(
    '/me',
    {
      schema: {
        tags: ['profile'],
        summary:
          'Edit your profile: name, pronouns, unit, kind, bio (Markdown), interests, expertise, time zone, language, reminders, whether others see your badges.',
        body: updateMeBody,
        response: { 200: dataOf(meSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { user, unitName } = await updateProfile(app.deps, actor.id, request.body);
      return { data: presentMe(user, unitName, actor.confinedToProjects === true) };
    },
  );

  app.put(
    '/me/photo',
    {
      schema: {
        tags: ['profile'],
        summary: 'Upload a profile photo (multipart field "file"; PNG, JPEG or WebP up to 5 MB).',
        consumes: ['multipart/form-data'],
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!request.isMultipart()) {
        throw new AppError('unsupported_media_type', 'errors.people.photoMultipart');
      }
      const file = await request.file();
      if (!file) throw new AppError('validation_failed', 'errors.upload.chooseFile', { file: 'missing' });
      // Streamed into a temporary file, checked there, then moved into storage; removed on failure.
      let received: TempFile | undefined;
      try {
        received = await receiveToTempFile(file.file, {
          folder: uploadTempFolder(app.deps.env),
          tooLarge: () =>
            new AppError('payload_too_large', 'errors.people.photoTooLarge', { file: 'larger than 5 MB' }),
        });
        await setProfilePhoto(app.deps, actor.id, received);
      } finally {
        await removeTempFile(received);
      }
      return { data: { ok: true as const } };
    },
  );

  app.delete(
    '/me/photo',
    {
      schema: {
        tags: ['profile'],
        summary: 'Remove your profile photo.',
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await removeProfilePhoto(app.deps, actor.id);
      return { data: { ok: true as const } };
    },
  );

  app.get(
    '/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Find colleagues by name, unit, kind or expertise ("who knows about assessment?").',
        querystring: peopleQuery,
        response: { 200: listOf(personSummarySchema), ...errorResponses },
      },
    },
    async (request) => {
      enforce(mayBrowsePeople(requireActor(request)));
      const { rows, nextCursor } = await searchPeople(app.deps.database.db, request.query);
      return { data: rows.map((row) => presentPersonSummary(row.user, row.unitName)), nextCursor };
    },
  );

  app.get(
    '/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: "A colleague's profile.",
        params: idParams,
        response: { 200: dataOf(personSchema), ...errorResponses },
      },
    },
    async (request) => {
      enforce(mayBrowsePeople(requireActor(request)));
      const profile = await findProfileById(app.deps.database.db, request.params.id);
      if (!profile || profile.user.suspendedAt) throw new AppError('not_found', 'errors.notFound.person');
      return { data: presentPerson(profile.user, profile.unitName) };
    },
  );

  app.get(
    '/people/:id/badges',
    {
      schema: {
        tags: ['people', 'recognition'],
        summary:
          "A colleague's badges (first post, first helpful answer, a resource used 25 times, host of three meetings) in the communities you may see; none if they hide them from others.",
        params: idParams,
        response: { 200: dataOf(badgeListSchema), ...errorResponses },
      },
    },
    async (request) => ({
      data: await getBadges(app.deps, requireActor(request), request.params.id),
    }),
  );

  app.get(
    '/people/:id/photo',
    { schema: { tags: ['people'], summary: "A person's profile photo.", params: idParams } },
    async (request, reply) => {
      enforce(mayBrowsePeople(requireActor(request)));
      const user = await findUserById(app.deps.database.db, request.params.id);
      const bytes = user?.photoPath ? await app.deps.storage.get(user.photoPath) : undefined;
      if (!user?.photoPath || !bytes) throw new AppError('not_found', 'errors.people.noPhoto');
      return reply
        .type(photoContentType(user.photoPath))
        .header('Cache-Control', 'private, max-age=86400')
        .header('Content-Disposition', 'inline')
        .send(bytes);
    },
  );
};
