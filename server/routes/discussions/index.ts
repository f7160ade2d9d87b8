import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import {
  editPostBody,
  editThreadBody,
  followBody,
  helpfulBody,
  moderateThreadBody,
  reactionBody,
  replyBody,
  revisionSchema,
  revisionsQuery,
  startThreadBody,
  threadListQuery,
  threadPageQuery,
  threadParams,
  threadPostParams,
  threadSchema,
  threadSummarySchema,
} from '../../../common/contracts/discussions.ts';
import { dataOf, errorResponses, idSchema, listOf, okBody } from '../../../common/contracts/shared.ts';
import { renderMarkdown } from '../../../common/markdown.ts';
import { requireActor } from '../../plugins/auth.ts';
import { seesHiddenPosts } from '../../policies/discussions.ts';
import { presentThread, presentThreadSummary } from '../../presenters/discussions.ts';
import { presentPersonRef } from '../../presenters/meetings.ts';
import { listReplies, listRevisions, listThreads } from '../../queries/discussions.ts';
import { upsertThreadRead } from '../../queries/thread-follows.ts';
import { loadVisibleCommunity } from '../../services/communities/load-community.ts';
import { deleteReply, deleteThread, editReply, editThread } from '../../services/discussions/change-post.ts';
import { loadVisibleThread } from '../../services/discussions/load-thread.ts';
import { markHelpful, moderateThread } from '../../services/discussions/moderate-thread.ts';
import { addReaction, removeReaction, setFollowing } from '../../services/discussions/react-and-follow.ts';
import { replyToThread } from '../../services/discussions/reply-to-thread.ts';
import { startThread } from '../../services/discussions/start-thread.ts';

const tags = ['discussions'];
const ok = { data: { ok: true as const } };
const created = dataOf(idSchema);

export const discussionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/communities/:slug/threads',
    {
      schema: {
        tags,
        summary: 'A community’s threads: pinned first, then by latest activity; unread marked for you.',
        params: slugParams,
        querystring: threadListQuery,
        response: { 200: listOf(threadSummarySchema), ...errorResponses },
      },
    },
    async (request) => {
      const { community, membership } = await loadVisibleCommunity(db(), request.actor, request.params.slug);
      const { rows, nextCursor } = await listThreads(db(), community.id, request.actor?.id ?? null, {
        ...request.query,
        includeHidden: seesHiddenPosts(request.actor, membership),
      });
      return { data: rows.map(presentThreadSummary), nextCursor };
    },
  );

  app.post(
    '/communities/:slug/threads',
    {
      schema: {
        tags,
        summary:
          'Start a discussion or a question; leaders and sponsors post announcements (every member is told).',
        params: slugParams,
        body: startThreadBody,
        response: { 201: created, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await startThread(app.deps, requireActor(request), request.params.slug, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.get(
    '/threads/:id',
    {
      schema: {
        tags,
        summary:
          'A thread with one page of replies (oldest first; `cursor` for the next); marks it read for you.',
        params: threadParams,
        querystring: threadPageQuery,
        response: { 200: dataOf(threadSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = request.actor;
      const found = await loadVisibleThread(db(), actor, request.params.id);
      const replies = await listReplies(db(), found.thread.id, actor?.id ?? null, request.query);
      // Only a thread with news since the last read is written to: most views stay read-only.
      if (actor && !found.readUpToDate) await upsertThreadRead(db(), found.thread.id, actor.id);
      const suspended = found.membership?.suspended === true;
      return { data: { ...presentThread(found, replies, actor, false), suspended } };
    },
  );

  app.patch(
    '/threads/:id',
    {
      schema: {
        tags,
        summary: 'Edit the title or opening post (the previous version is kept).',
        params: threadParams,
        body: editThreadBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await editThread(app.deps, requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  app.delete(
    '/threads/:id',
    {
      schema: {
        tags,
        summary: 'Delete a thread (softly).',
        params: threadParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await deleteThread(app.deps, requireActor(request), request.params.id);
      return ok;
    },
  );

  app.post(
    '/threads/:id/replies',
    {
      schema: {
        tags,
        summary: 'Reply, at the top level or under a reply (parentId); followers are told.',
        params: threadParams,
        body: replyBody,
        response: { 201: created, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await replyToThread(app.deps, requireActor(request), request.params.id, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.patch(
    '/threads/:id/replies/:postId',
    {
      schema: {
        tags,
        summary: 'Edit a reply (the previous version is kept).',
        params: threadPostParams,
        body: editPostBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      const { id, postId } = request.params;
      await editReply(app.deps, requireActor(request), id, postId, request.body.body);
      return ok;
    },
  );

  app.delete(
    '/threads/:id/replies/:postId',
    {
      schema: {
        tags,
        summary: 'Delete a reply (softly: it shows as deleted in its place).',
        params: threadPostParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await deleteReply(app.deps, requireActor(request), request.params.id, request.params.postId);
      return ok;
    },
  );

  app.get(
    '/threads/:id/revisions',
    {
      schema: {
        tags,
        summary: 'The edit history of the opening post (or of a reply: ?postId=).',
        params: threadParams,
        querystring: revisionsQuery,
        response: { 200: dataOf(z.array(revisionSchema)), ...errorResponses },
      },
    },
    async (request) => {
      const found = await loadVisibleThread(db(), request.actor, request.params.id);
      const includeHidden = seesHiddenPosts(request.actor, found.membership);
      const postId = request.query.postId ?? null;
      // A deleted thread's earlier text stays withheld, as its text is.
      if (postId === null && found.thread.deletedAt && !includeHidden) return { data: [] };
      const rows = await listRevisions(db(), request.params.id, { postId, includeHidden });
      return {
        data: rows.map((row) => ({
          title: row.title,
          body: row.body,
          bodyHtml: renderMarkdown(row.body),
          createdAt: row.createdAt.toISOString(),
          editedBy:
            row.editorId && row.editorName !== null
              ? presentPersonRef({
                  id: row.editorId,
                  displayName: row.editorName,
                  photoPath: row.editorPhoto,
                  updatedAt: (row.editorUpdatedAt ?? new Date(0)).toISOString(),
                })
              : null,
        })),
      };
    },
  );

  app.put(
    '/threads/:id/moderation',
    {
      schema: {
        tags,
        summary: 'Leaders pin or lock a thread.',
        params: threadParams,
        body: moderateThreadBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await moderateThread(app.deps, requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  app.put(
    '/threads/:id/helpful',
    {
      schema: {
        tags,
        summary: 'Mark the reply that answered a question (null clears it).',
        params: threadParams,
        body: helpfulBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await markHelpful(app.deps, requireActor(request), request.params.id, request.body.postId);
      return ok;
    },
  );

  app.post(
    '/threads/:id/reactions',
    {
      schema: {
        tags,
        summary: 'React to the opening post (postId null) or a reply.',
        params: threadParams,
        body: reactionBody,
        response: { 201: okBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await addReaction(app.deps, requireActor(request), request.params.id, request.body);
      return reply.status(201).send(ok);
    },
  );

  app.delete(
    '/threads/:id/reactions',
    {
      schema: {
        tags,
        summary: 'Take your reaction back.',
        params: threadParams,
        body: reactionBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await removeReaction(app.deps, requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  app.put(
    '/threads/:id/following',
    {
      schema: {
        tags,
        summary: 'Follow a thread (told of new replies) or stop.',
        params: threadParams,
        body: followBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await setFollowing(app.deps, requireActor(request), request.params.id, request.body.following);
      return ok;
    },
  );
};
