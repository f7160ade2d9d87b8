import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditFilterQuery,
  auditQuery,
  auditSchema,
  mailQuery,
  mailSchema,
  unitBody,
  unitOut,
  updateInstitutionBody,
  updateUserBody,
  usersQuery,
} from '../../../common/contracts/admin.ts';
import {
  adminUserSchema,
  dataOf,
  errorResponses,
  idParams,
  listOf,
  okBody,
} from '../../../common/contracts/shared.ts';
import { AppError } from '../../errors.ts';
import {
  receiveToTempFile,
  removeTempFile,
  type TempFile,
  uploadTempFolder,
} from '../../lib/files/temp-file.ts';
import { requireActor } from '../../plugins/auth.ts';
import { refuseDeclaredLengthOver } from '../../plugins/input.ts';
import { mayAdministerInstitution } from '../../policies/administration.ts';
import { enforce } from '../../policies/decision.ts';
import { presentAuditEntry } from '../../presenters/audit.ts';
import { presentUserForAdmin } from '../../presenters/users.ts';
import { findMailMessageById, listMailMessages } from '../../queries/mail.ts';
import { hasTwoFactorEnabled } from '../../queries/two-factor.ts';
import { listUsersForAdmin } from '../../queries/user-accounts.ts';
import { findProfileById } from '../../queries/users.ts';
import { auditCsvMaxRows, exportAuditLog, searchAuditLog } from '../../services/admin/audit-log.ts';
import {
  createUnit,
  deleteUnit,
  removeInstitutionLogo,
  renameUnit,
  setInstitutionLogo,
  updateInstitution,
} from '../../services/admin/institution.ts';
import { manageUser } from '../../services/admin/manage-user.ts';
import { resetTwoFactor } from '../../services/admin/reset-two-factor.ts';
import { checkedPart } from '../multipart.ts';

type MailRow = Awaited<ReturnType<typeof findMailMessageById>> & {};
const maxLogoBytes = 2 * 1024 * 1024;

const presentMail = (row: MailRow) => ({
  id: row.id,
  to: row.toAddress,
  subject: row.subject,
  text: row.textBody,
  html: row.htmlBody,
  status: row.status,
  error: row.error,
  createdAt: row.createdAt.toISOString(),
  sentAt: row.sentAt?.toISOString() ?? null,
});

/** Everything under /api/admin is for administrators only. */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['admin'];
  await app.register(multipart, { limits: { fileSize: maxLogoBytes, files: 1, fields: 5 } });
  app.addHook('preHandler', async (request) => {
    enforce(mayAdministerInstitution(requireActor(request)));
  });

  app.patch(
    '/institution',
    {
      schema: {
        tags,
        summary:
          'Rename the institution or change its default language (for signed-out visitors, invitations to new people and the charter template).',
        body: updateInstitutionBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await updateInstitution(app.deps, requireActor(request).id, request.body);
      return { data: { ok: true as const } };
    },
  );

  app.put(
    '/institution/logo',
    {
      onRequest: refuseDeclaredLengthOver(maxLogoBytes, 'errors.admin.logoTooLarge'),
      schema: {
        tags,
        summary: 'Upload the institution\'s logo (multipart field "file"; PNG, JPEG or WebP up to 2 MB).',
        consumes: ['multipart/form-data'],
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'errors.admin.logoMultipart');
      const part = await request.file();
      const file = part && checkedPart(part);
      if (!file) throw new AppError('validation_failed', 'errors.upload.chooseFile', { file: 'missing' });
      // Streamed into a temporary file, checked there, then moved into storage; removed on failure.
      let received: TempFile | undefined;
      try {
        received = await receiveToTempFile(file.file, {
          folder: uploadTempFolder(app.deps.env),
          tooLarge: () =>
            new AppError('payload_too_large', 'errors.admin.logoTooLarge', { file: 'larger than 2 MB' }),
        });
        await setInstitutionLogo(app.deps, requireActor(request).id, received);
      } finally {
        await removeTempFile(received);
      }
      return { data: { ok: true as const } };
    },
  );

  app.delete(
    '/institution/logo',
    {
      schema: {
        tags,
        summary: "Remove the institution's logo (Copse's own mark is shown instead).",
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await removeInstitutionLogo(app.deps, requireActor(request).id);
      return { data: { ok: true as const } };
    },
  );

  app.post(
    '/units',
    {
      schema: {
        tags,
        summary: 'Add a unit.',
        body: unitBody,
        response: { 201: dataOf(unitOut), ...errorResponses },
      },
    },
    async (request, reply) => {
      const unit = await createUnit(app.deps, requireActor(request).id, request.body.name);
      return reply.status(201).send({ data: { id: unit.id, name: unit.name } });
    },
  );

  app.patch(
    '/units/:id',
    {
      schema: {
        tags,
        summary: 'Rename a unit.',
        params: idParams,
        body: unitBody,
        response: { 200: dataOf(unitOut), ...errorResponses },
      },
    },
    async (request) => {
      const unit = await renameUnit(app.deps, requireActor(request).id, request.params.id, request.body.name);
      return { data: { id: unit.id, name: unit.name } };
    },
  );

  app.delete(
    '/units/:id',
    {
      schema: {
        tags,
        summary: 'Remove a unit (its people keep their accounts).',
        params: idParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await deleteUnit(app.deps, requireActor(request).id, request.params.id);
      return { data: { ok: true as const } };
    },
  );

  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'Users, newest first; search by name or email, filter by role or suspension.',
        querystring: usersQuery,
        response: { 200: listOf(adminUserSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { page, nextCursor } = await listUsersForAdmin(app.deps.database.db, request.query);
      return {
        data: page.map((row) => presentUserForAdmin(row.user, row.unitName, row.twoFactor)),
        nextCursor,
      };
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: "Change a user's role, or suspend (ends their sessions) or reinstate them.",
        params: idParams,
        body: updateUserBody,
        response: { 200: dataOf(adminUserSchema), ...errorResponses },
      },
    },
    async (request) => {
      await manageUser(app.deps, requireActor(request), request.params.id, request.body);
      const profile = await findProfileById(app.deps.database.db, request.params.id);
      if (!profile) throw new AppError('not_found', 'errors.notFound.person');
      const twoFactor = await hasTwoFactorEnabled(app.deps.database.db, request.params.id);
      return { data: presentUserForAdmin(profile.user, profile.unitName, twoFactor) };
    },
  );

  app.delete(
    '/users/:id/two-factor',
    {
      schema: {
        tags,
        summary:
          "Reset a person's two-factor sign-in (a lost phone): their authenticator and recovery codes are removed, they are emailed, and the audit log records it. Not your own.",
        params: idParams,
        response: { 200: dataOf(adminUserSchema), ...errorResponses },
      },
    },
    async (request) => {
      await resetTwoFactor(app.deps, requireActor(request), request.params.id);
      const profile = await findProfileById(app.deps.database.db, request.params.id);
      if (!profile) throw new AppError('not_found', 'errors.notFound.person');
      return { data: presentUserForAdmin(profile.user, profile.unitName, false) };
    },
  );

  app.get(
    '/mail',
    {
      schema: {
        tags,
        summary: 'The mailbox: every email Copse sent or would have sent, newest first.',
        querystring: mailQuery,
        response: { 200: listOf(mailSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { page, nextCursor } = await listMailMessages(app.deps.database.db, request.query);
      return { data: page.map(presentMail), nextCursor };
    },
  );

  app.get(
    '/mail/:id',
    {
      schema: {
        tags,
        summary: 'One email.',
        params: idParams,
        response: { 200: dataOf(mailSchema), ...errorResponses },
      },
    },
    async (request) => {
      const row = await findMailMessageById(app.deps.database.db, request.params.id);
      if (!row) throw new AppError('not_found', 'errors.notFound.email');
      return { data: presentMail(row) };
    },
  );

  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary:
          'The audit log, newest first: sign-ins and failures, sessions, passwords, two-factor, roles, suspensions, moderation, settings, single sign-on, backups, exports and erasures. Filters: action (repeat for several), actor (person id), subjectType and subjectId, from and to (days, both included), q (words from the names involved).',
        querystring: auditQuery,
        response: { 200: listOf(auditSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { page, nextCursor } = await searchAuditLog(app.deps, requireActor(request), request.query);
      return { data: page.map(presentAuditEntry), nextCursor };
    },
  );

  app.get(
    '/audit.csv',
    {
      schema: {
        tags,
        summary: `The audit log's entries that match the filters (as GET /api/admin/audit), newest first, as CSV (at most ${auditCsvMaxRows}).`,
        querystring: auditFilterQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const csv = await exportAuditLog(app.deps, requireActor(request), request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Cache-Control', 'private, no-store')
        .header('Content-Disposition', 'attachment; filename="audit-log.csv"')
        .send(csv);
    },
  );
};
