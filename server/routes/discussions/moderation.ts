import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import {
  hiddenBody,
  moderationEntrySchema,
  reportBody,
  reportDecisionBody,
  reportSchema,
  reportsQuery,
  threadParams,
} from '../../../common/contracts/discussions.ts';
import {
  cursorQuery,
  dataOf,
  errorResponses,
  idParams,
  idSchema,
  listOf,
  okBody,
} from '../../../common/contracts/shared.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { requireActor } from '../../plugins/auth.ts';
import { enforce } from '../../policies/decision.ts';
import { maySeeAllReports, maySeeModerationLog, maySeeReports } from '../../policies/discussions.ts';
import { listModerationLog, listReports } from '../../queries/moderation.ts';
import { loadVisibleCommunity } from '../../services/communities/load-community.ts';
import { decideReport, reportPost, setPostHidden } from '../../services/discussions/moderation.ts';
import { suspensionRoutes } from './suspensions.ts';

const tags = ['moderation'];
const ok = { data: { ok: true as const } };

type ReportRow = Awaited<ReturnType<typeof listReports>>['page'][number];
function presentReport(row: ReportRow) {
  return {
    id: row.id,
    reason: row.reason,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    community: { slug: row.communitySlug, name: row.communityName },
    thread: { id: row.threadId, title: row.threadTitle },
    postId: row.postId,
    excerpt: excerpt(row.postId ? (row.text ?? '') : row.threadBody, 300),
    author:
      row.authorId && row.authorName !== null ? { id: row.authorId, displayName: row.authorName } : null,
    hidden: row.hidden,
    threadLocked: row.threadLocked,
    reporter:
      row.reporterId && row.reporterName !== null
        ? { id: row.reporterId, displayName: row.reporterName }
        : null,
  };
}

export const moderationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  await app.register(suspensionRoutes);

  app.post(
    '/threads/:id/reports',
    {
      schema: {
        tags,
        summary: 'Report the opening post (postId null) or a reply to the moderators, with a reason.',
        params: threadParams,
        body: reportBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await reportPost(app.deps, requireActor(request), request.params.id, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.put(
    '/threads/:id/hidden',
    {
      schema: {
        tags,
        summary: 'Moderators hide or restore the thread (postId null) or a reply, with a note.',
        params: threadParams,
        body: hiddenBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await setPostHidden(app.deps, requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  app.get(
    '/communities/:slug/reports',
    {
      schema: {
        tags,
        summary: 'The community’s moderation queue (leaders and coordinators), newest first.',
        params: slugParams,
        querystring: reportsQuery,
        response: { 200: listOf(reportSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { community, membership } = await loadVisibleCommunity(db(), actor, request.params.slug);
      enforce(maySeeReports(actor, membership));
      const { page, nextCursor } = await listReports(db(), { communityId: community.id }, request.query);
      return { data: page.map(presentReport), nextCursor };
    },
  );

  app.get(
    '/coordinator/reports',
    {
      schema: {
        tags,
        summary: 'Coordinators: the reports of every community, newest first.',
        querystring: reportsQuery,
        response: { 200: listOf(reportSchema), ...errorResponses },
      },
    },
    async (request) => {
      enforce(maySeeAllReports(requireActor(request)));
      const { page, nextCursor } = await listReports(db(), 'all', request.query);
      return { data: page.map(presentReport), nextCursor };
    },
  );

  app.post(
    '/reports/:id/decision',
    {
      schema: {
        tags,
        summary:
          'Moderators hide what was reported, or dismiss the report (every open report of it is decided).',
        params: idParams,
        body: reportDecisionBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await decideReport(app.deps, requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  app.get(
    '/communities/:slug/moderation-log',
    {
      schema: {
        tags,
        summary: 'Every moderation action in the community, newest first (leaders and coordinators).',
        params: slugParams,
        querystring: cursorQuery,
        response: { 200: listOf(moderationEntrySchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { community, membership } = await loadVisibleCommunity(db(), actor, request.params.slug);
      enforce(maySeeModerationLog(actor, membership));
      const { page, nextCursor } = await listModerationLog(db(), community.id, request.query);
      return {
        data: page.map((row) => ({
          id: row.id,
          action: row.action,
          note: row.note,
          threadId: row.threadId,
          thread:
            row.threadId && row.threadTitle !== null ? { id: row.threadId, title: row.threadTitle } : null,
          postId: row.postId,
          createdAt: row.createdAt.toISOString(),
          moderator:
            row.actorId && row.actorName !== null ? { id: row.actorId, displayName: row.actorName } : null,
          subject:
            row.subjectId && row.subjectName !== null
              ? { id: row.subjectId, displayName: row.subjectName }
              : null,
        })),
        nextCursor,
      };
    },
  );
};
