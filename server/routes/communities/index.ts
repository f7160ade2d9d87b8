import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  charterBody,
  charterSchema,
  communityCardSchema,
  communityHomeSchema,
  communitySchema,
  decisionBody,
  directoryQuery,
  joinBody,
  joinRequestBody,
  joinRequestSchema,
  memberSchema,
  membersQuery,
  roleBody,
  slugAndIdParams,
  slugAndUserParams,
  slugParams,
  stageBody,
  stageChangeSchema,
  updateCommunityBody,
} from '../../../common/contracts/communities.ts';
import { dataOf, errorResponses, idSchema, listOf, okBody } from '../../../common/contracts/shared.ts';
import { notFound } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import { readerLocale } from '../../plugins/reader-locale.ts';
import { maySeeCommunity, maySeeJoinRequests, maySeeMembers } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import {
  noteText,
  presentCharter,
  presentCommunity,
  presentCommunityCard,
  presentCommunityHome,
  presentLeader,
  presentMember,
} from '../../presenters/communities.ts';
import { listCharterVersions, listStageChanges } from '../../queries/charters.ts';
import { listLeadersOf } from '../../queries/communities.ts';
import { findCommunityHome } from '../../queries/community-home.ts';
import { listCommunityMembers, listPendingJoinRequests } from '../../queries/community-members.ts';
import { listDirectory } from '../../queries/directory.ts';
import { changeMemberRole } from '../../services/communities/change-member-role.ts';
import { changeStage } from '../../services/communities/change-stage.ts';
import { decideJoinRequest } from '../../services/communities/decide-join-request.ts';
import { editCharter } from '../../services/communities/edit-charter.ts';
import { joinCommunity } from '../../services/communities/join-community.ts';
import { leaveCommunity } from '../../services/communities/leave-community.ts';
import { loadVisibleCommunity } from '../../services/communities/load-community.ts';
import { removeMember } from '../../services/communities/remove-member.ts';
import { requestToJoin } from '../../services/communities/request-to-join.ts';
import { updateCommunity } from '../../services/communities/update-community.ts';

const tags = ['communities'];
const ok = { data: { ok: true as const } };

export const communityRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/communities',
    {
      schema: {
        tags,
        summary:
          'The directory: search (websearch syntax), filter by topic, unit, audience, format, stage, kind and "open", sort by relevance, activity, newest, size or name.',
        querystring: directoryQuery,
        response: { 200: listOf(communityCardSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { rows, nextCursor } = await listDirectory(db(), request.actor, request.query);
      const leaders = await listLeadersOf(
        db(),
        rows.map((row) => row.id),
      );
      return { data: rows.map((row) => presentCommunityCard(row, leaders.get(row.id) ?? [])), nextCursor };
    },
  );

  app.get(
    '/communities/:slug',
    {
      schema: {
        tags,
        summary: 'A community’s home: details, leaders, charter, and what you may do there.',
        params: slugParams,
        response: { 200: dataOf(communityHomeSchema), ...errorResponses },
      },
    },
    async (request) => {
      const home = await findCommunityHome(db(), request.params.slug, request.actor?.id ?? null);
      if (!home) throw notFound('errors.notFound.community');
      enforce(maySeeCommunity(request.actor, home.community, home.membership));
      return { data: presentCommunityHome(home, request.actor, await readerLocale(app, request)) };
    },
  );

  app.patch(
    '/communities/:slug',
    {
      schema: {
        tags,
        summary: 'Leaders edit the community’s details.',
        params: slugParams,
        body: updateCommunityBody,
        response: { 200: dataOf(communitySchema), ...errorResponses },
      },
    },
    async (request) => {
      const { community, unitName } = await updateCommunity(
        app.deps,
        requireActor(request),
        request.params.slug,
        request.body,
      );
      return { data: presentCommunity(community, unitName) };
    },
  );

  app.post(
    '/communities/:slug/join',
    {
      schema: {
        tags,
        summary: 'Join an open community (acceptGuidelines when it asks for it).',
        params: slugParams,
        body: joinBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await joinCommunity(app.deps, requireActor(request), request.params.slug, {
        acceptGuidelines: request.body?.acceptGuidelines,
      });
      return ok;
    },
  );

  app.post(
    '/communities/:slug/leave',
    {
      schema: {
        tags,
        summary: 'Leave a community (the last leader hands the role on first).',
        params: slugParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await leaveCommunity(app.deps, requireActor(request), request.params.slug);
      return ok;
    },
  );

  app.post(
    '/communities/:slug/requests',
    {
      schema: {
        tags,
        summary: 'Ask to join a moderated community, with a message to its leaders.',
        params: slugParams,
        body: joinRequestBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await requestToJoin(
        app.deps,
        requireActor(request),
        request.params.slug,
        request.body.message,
      );
      return reply.status(201).send({ data: { id: created.id } });
    },
  );

  app.get(
    '/communities/:slug/requests',
    {
      schema: {
        tags,
        summary: 'Leaders: the pending requests to join.',
        params: slugParams,
        response: { 200: dataOf(z.array(joinRequestSchema)), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { community, membership } = await loadVisibleCommunity(db(), actor, request.params.slug);
      enforce(maySeeJoinRequests(actor, community, membership));
      const rows = await listPendingJoinRequests(db(), community.id);
      return {
        data: rows.map((row) => ({
          id: row.id,
          message: row.message,
          createdAt: row.createdAt.toISOString(),
          person: presentLeader({ ...row, id: row.userId, communityId: community.id, role: 'member' }),
        })),
      };
    },
  );

  app.post(
    '/communities/:slug/requests/:id/decision',
    {
      schema: {
        tags,
        summary: 'Leaders approve or decline a request to join, with a message to the person.',
        params: slugAndIdParams,
        body: decisionBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await decideJoinRequest(app.deps, requireActor(request), request.params.slug, request.params.id, {
        approve: request.body.decision === 'approve',
        message: request.body.message,
      });
      return ok;
    },
  );

  app.get(
    '/communities/:slug/members',
    {
      schema: {
        tags,
        summary: 'The members with their roles, in name order; search by name, filter by role.',
        params: slugParams,
        querystring: membersQuery,
        response: { 200: listOf(memberSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { community, membership } = await loadVisibleCommunity(db(), request.actor, request.params.slug);
      enforce(maySeeMembers(request.actor, community, membership));
      const { rows, nextCursor } = await listCommunityMembers(db(), community.id, request.query);
      return { data: rows.map(presentMember), nextCursor };
    },
  );

  app.patch(
    '/communities/:slug/members/:userId',
    {
      schema: {
        tags,
        summary: 'Leaders change a member’s role (a community always keeps a leader).',
        params: slugAndUserParams,
        body: roleBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      const { slug, userId } = request.params;
      await changeMemberRole(app.deps, requireActor(request), slug, userId, request.body.role);
      return ok;
    },
  );

  app.delete(
    '/communities/:slug/members/:userId',
    {
      schema: {
        tags,
        summary: 'Leaders remove a member.',
        params: slugAndUserParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await removeMember(app.deps, requireActor(request), request.params.slug, request.params.userId);
      return ok;
    },
  );

  app.post(
    '/communities/:slug/stage',
    {
      schema: {
        tags,
        summary: 'Leaders move the community to another stage, with a note (archiving makes it read-only).',
        params: slugParams,
        body: stageBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await changeStage(app.deps, requireActor(request), request.params.slug, request.body);
      return ok;
    },
  );

  app.get(
    '/communities/:slug/stages',
    {
      schema: {
        tags,
        summary: 'The community’s stage history, newest first.',
        params: slugParams,
        response: { 200: dataOf(z.array(stageChangeSchema)), ...errorResponses },
      },
    },
    async (request) => {
      const { community } = await loadVisibleCommunity(db(), request.actor, request.params.slug);
      const rows = await listStageChanges(db(), community.id);
      const locale = await readerLocale(app, request);
      return {
        data: rows.map((row) => ({
          id: row.id,
          fromStage: row.fromStage,
          toStage: row.toStage,
          note: noteText(row.note, locale),
          createdAt: row.createdAt.toISOString(),
          changedBy: row.changedById ? { id: row.changedById, displayName: row.changedByName ?? '' } : null,
        })),
      };
    },
  );

  app.get(
    '/communities/:slug/charter/versions',
    {
      schema: {
        tags,
        summary: 'Every version of the charter, newest first: who changed what, and when.',
        params: slugParams,
        response: { 200: dataOf(z.array(charterSchema)), ...errorResponses },
      },
    },
    async (request) => {
      const { community } = await loadVisibleCommunity(db(), request.actor, request.params.slug);
      const rows = await listCharterVersions(db(), community.id);
      const locale = await readerLocale(app, request);
      return { data: rows.map((row) => presentCharter(row, locale)) };
    },
  );

  app.put(
    '/communities/:slug/charter',
    {
      schema: {
        tags,
        summary: 'Leaders save a new version of the charter (baseVersion: the version they edited).',
        params: slugParams,
        body: charterBody,
        response: { 200: dataOf(charterSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const saved = await editCharter(app.deps, actor, request.params.slug, request.body);
      return {
        data: presentCharter({ ...saved, editorName: actor.displayName }, await readerLocale(app, request)),
      };
    },
  );
};
