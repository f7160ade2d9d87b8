import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import { suspendBody, suspensionSchema } from '../../../common/contracts/discussions.ts';
import {
  cursorQuery,
  dataOf,
  errorResponses,
  idParams,
  idSchema,
  listOf,
  okBody,
} from '../../../common/contracts/shared.ts';
import { requireActor } from '../../plugins/auth.ts';
import { enforce } from '../../policies/decision.ts';
import { maySeeSuspensions } from '../../policies/discussions.ts';
import { presentPersonRef } from '../../presenters/meetings.ts';
import { listActiveSuspensions } from '../../queries/moderation.ts';
import { loadVisibleCommunity } from '../../services/communities/load-community.ts';
import { liftSuspension, suspendMember } from '../../services/discussions/suspensions.ts';

const tags = ['moderation'];

/** Suspending members from a community (they read but do not contribute), listing and lifting. */
export const suspensionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.post(
    '/communities/:slug/suspensions',
    {
      schema: {
        tags,
        summary:
          'Leaders and coordinators suspend a member from the community, with a reason and an optional end; the person is told.',
        params: slugParams,
        body: suspendBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await suspendMember(app.deps, requireActor(request), request.params.slug, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.get(
    '/communities/:slug/suspensions',
    {
      schema: {
        tags,
        summary: 'The suspensions in force in the community, newest first (leaders and coordinators).',
        params: slugParams,
        querystring: cursorQuery,
        response: { 200: listOf(suspensionSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { community, membership } = await loadVisibleCommunity(db(), actor, request.params.slug);
      enforce(maySeeSuspensions(actor, membership));
      const { page, nextCursor } = await listActiveSuspensions(db(), community.id, request.query);
      return {
        data: page.map((row) => ({
          id: row.id,
          person: presentPersonRef({ ...row.person, updatedAt: row.person.updatedAt.toISOString() }),
          reason: row.reason,
          createdAt: row.createdAt.toISOString(),
          endsAt: row.endsAt?.toISOString() ?? null,
          suspendedBy:
            row.moderatorId && row.moderatorName !== null
              ? { id: row.moderatorId, displayName: row.moderatorName }
              : null,
        })),
        nextCursor,
      };
    },
  );

  app.post(
    '/suspensions/:id/lift',
    {
      schema: {
        tags,
        summary: 'Lift a suspension in force; the person is told.',
        params: idParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await liftSuspension(app.deps, requireActor(request), request.params.id);
      return { data: { ok: true as const } };
    },
  );
};
