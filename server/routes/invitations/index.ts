import { readFile } from 'node:fs/promises';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugAndIdParams, slugParams } from '../../../common/contracts/communities.ts';
import {
  acceptedInvitationSchema,
  csvQuery,
  csvReportSchema,
  invitationListSchema,
  invitationsCsvQuery,
  invitationsQuery,
  invitationViewSchema,
  inviteBody,
  inviteLinkBody,
  inviteLinkSchema,
  inviteResultSchema,
  tokenParams,
} from '../../../common/contracts/invitations.ts';
import { dataOf, errorResponses, okBody } from '../../../common/contracts/shared.ts';
import { AppError } from '../../errors.ts';
import {
  receiveToTempFile,
  removeTempFile,
  type TempFile,
  uploadTempFolder,
} from '../../lib/files/temp-file.ts';
import { requireActor } from '../../plugins/auth.ts';
import { refuseDeclaredLengthOver } from '../../plugins/input.ts';
import { readerLocale } from '../../plugins/reader-locale.ts';
import { openInvitationsCsv, presentOpenInvitation } from '../../presenters/invitations.ts';
import {
  acceptInvitation,
  declineInvitation,
  viewInvitation,
} from '../../services/communities/answer-invitation.ts';
import { inviteByEmail } from '../../services/communities/invite-by-email.ts';
import { inviteCohortCsv, maxCsvBytes } from '../../services/communities/invite-csv.ts';
import { createInviteLink, revokeInvitation } from '../../services/communities/invite-link.ts';
import {
  exportCommunityInvitations,
  listCommunityInvitations,
} from '../../services/communities/read-invitations.ts';
import { checkedPart } from '../multipart.ts';

const tags = ['invitations'];

/** Invitations by email, shareable links, the cohort CSV, and answering an invitation. */
export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: { fileSize: maxCsvBytes, files: 1, fields: 2 } });
  const db = () => app.deps.database.db;

  app.get(
    '/communities/:slug/invitations',
    {
      schema: {
        tags,
        summary:
          'Leaders: open invitations (email invitations and links), newest first, a page at a time, with how many are open.',
        params: slugParams,
        querystring: invitationsQuery,
        response: { 200: invitationListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { page, nextCursor, total } = await listCommunityInvitations(
        db(),
        requireActor(request),
        request.params.slug,
        request.query,
      );
      const now = Date.now();
      return { data: page.map((row) => presentOpenInvitation(row, now)), nextCursor, total };
    },
  );

  app.get(
    '/communities/:slug/invitations/csv',
    {
      schema: {
        tags,
        summary:
          'Leaders: every open invitation as a CSV file for a spreadsheet (cells that could run as formulas are neutralised).',
        params: slugParams,
        querystring: invitationsCsvQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { slug, rows } = await exportCommunityInvitations(
        db(),
        requireActor(request),
        request.params.slug,
      );
      const locale = request.query.lang ?? (await readerLocale(app, request));
      return reply
        .type('text/csv; charset=utf-8')
        .header('Cache-Control', 'private, no-store')
        .header('Content-Disposition', `attachment; filename="invitations-${slug}.csv"`)
        .send(openInvitationsCsv(rows, locale));
    },
  );

  app.post(
    '/communities/:slug/invitations',
    {
      schema: {
        tags,
        summary: 'Leaders invite people by email (with or without a Copse account).',
        params: slugParams,
        body: inviteBody,
        response: { 200: dataOf(inviteResultSchema), ...errorResponses },
      },
    },
    async (request) => {
      const results = await inviteByEmail(app.deps, requireActor(request), request.params.slug, request.body);
      return { data: { results } };
    },
  );

  app.post(
    '/communities/:slug/invitations/csv',
    {
      onRequest: refuseDeclaredLengthOver(maxCsvBytes, 'errors.invitations.csvTooLarge'),
      schema: {
        tags,
        summary:
          'Leaders invite a cohort from a CSV file (multipart field "file", header "email,name"): dryRun=true previews each row, dryRun=false invites.',
        params: slugParams,
        querystring: csvQuery,
        consumes: ['multipart/form-data'],
        response: { 200: dataOf(csvReportSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!request.isMultipart()) {
        throw new AppError('unsupported_media_type', 'errors.invitations.csvMultipart');
      }
      const part = await request.file();
      const file = part && checkedPart(part);
      if (!file) throw new AppError('validation_failed', 'errors.invitations.chooseCsv', { file: 'missing' });
      // Streamed into a temporary file (refused past 512 KB there), then read back to parse: at most
      // 512 KB in memory, whatever the sender sends.
      let received: TempFile | undefined;
      let bytes: Buffer;
      try {
        received = await receiveToTempFile(file.file, {
          folder: uploadTempFolder(app.deps.env),
          tooLarge: () =>
            new AppError('payload_too_large', 'errors.invitations.csvTooLarge', { file: 'too large' }),
        });
        bytes = await readFile(received.path);
      } finally {
        await removeTempFile(received);
      }
      const report = await inviteCohortCsv(app.deps, actor, request.params.slug, { bytes, ...request.query });
      return { data: report };
    },
  );

  app.post(
    '/communities/:slug/invite-links',
    {
      schema: {
        tags,
        summary: 'Leaders create a shareable invitation link that expires (and can be revoked).',
        params: slugParams,
        body: inviteLinkBody,
        response: {
          201: dataOf(inviteLinkSchema),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const link = await createInviteLink(app.deps, requireActor(request), request.params.slug, request.body);
      return reply.status(201).send({ data: { ...link, expiresAt: link.expiresAt.toISOString() } });
    },
  );

  app.delete(
    '/communities/:slug/invitations/:id',
    {
      schema: {
        tags,
        summary: 'Leaders revoke an invitation or link.',
        params: slugAndIdParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await revokeInvitation(app.deps, requireActor(request), request.params.slug, request.params.id);
      return { data: { ok: true as const } };
    },
  );

  app.get(
    '/invitations/:token',
    {
      schema: {
        tags,
        summary: 'An invitation: its community and whether it can still be accepted.',
        params: tokenParams,
        response: { 200: dataOf(invitationViewSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { invitation, state, project } = await viewInvitation(app.deps, request.params.token);
      return {
        data: {
          community: { slug: invitation.slug, name: invitation.name, purpose: invitation.purpose },
          project,
          role: invitation.role,
          email: invitation.email,
          status: state,
          invitedBy: invitation.invitedByName,
        },
      };
    },
  );

  app.post(
    '/invitations/:token/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation: become a member with the invited role.',
        params: tokenParams,
        response: { 200: dataOf(acceptedInvitationSchema), ...errorResponses },
      },
    },
    async (request) => ({
      data: await acceptInvitation(app.deps, requireActor(request), request.params.token),
    }),
  );

  app.post(
    '/invitations/:token/decline',
    {
      schema: {
        tags,
        summary: 'Decline an email invitation.',
        params: tokenParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await declineInvitation(app.deps, requireActor(request), request.params.token);
      return { data: { ok: true as const } };
    },
  );
};
