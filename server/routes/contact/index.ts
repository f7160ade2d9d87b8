import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  contactBody,
  contactRequestSchema,
  contactRequestSummarySchema,
  contactRequestsQuery,
  replyBody,
} from '../../../common/contracts/contact.ts';
import { dataOf, errorResponses, idParams, listOf, okBody } from '../../../common/contracts/shared.ts';
import type { Actor } from '../../lib/actor.ts';
import { requireActor } from '../../plugins/auth.ts';
import { presentContactRequest, presentContactRequestSummary } from '../../presenters/contact-requests.ts';
import { getContactRequest, listContactRequestsFor } from '../../services/contact/read-contact-requests.ts';
import { replyToContactRequest } from '../../services/contact/reply-to-contact-request.ts';
import { sendContactRequest } from '../../services/contact/send-contact-request.ts';
import { setContactRequestStatus } from '../../services/contact/set-contact-request-status.ts';
import { hitRateLimit, rateLimits } from '../../services/rate-limit.ts';

/** "Get in touch" with the coordinators, and the coordinators' inbox. */
export const contactRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  app.post(
    '/contact',
    {
      schema: {
        tags: ['contact'],
        summary:
          'Write to the coordinators (signed in or not; signed out, name and email are required). Rate-limited per address.',
        body: contactBody,
        response: { 201: okBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await hitRateLimit(db, `contact:ip:${request.ip}`, rateLimits.contactPerIp);
      await sendContactRequest(app.deps, request.actor, request.body);
      return reply.status(201).send({ data: { ok: true as const } });
    },
  );

  const tags = ['coordinator'];
  const detail = async (actor: Actor, id: string) => ({
    data: presentContactRequest(await getContactRequest(db, actor, id)),
  });
  const oneRequest = { 200: dataOf(contactRequestSchema), ...errorResponses };

  app.get(
    '/coordinator/contact-requests',
    {
      schema: {
        tags,
        summary: "The coordinators' inbox: open (default) or done contact requests, newest first.",
        querystring: contactRequestsQuery,
        response: { 200: listOf(contactRequestSummarySchema), ...errorResponses },
      },
    },
    async (request) => {
      const { page, nextCursor } = await listContactRequestsFor(db, requireActor(request), request.query);
      return { data: page.map(presentContactRequestSummary), nextCursor };
    },
  );

  app.get(
    '/coordinator/contact-requests/:id',
    {
      schema: {
        tags,
        summary: 'One contact request with the answers sent.',
        params: idParams,
        response: oneRequest,
      },
    },
    async (request) => detail(requireActor(request), request.params.id),
  );

  app.post(
    '/coordinator/contact-requests/:id/replies',
    {
      schema: {
        tags,
        summary: 'Answer a contact request: the answer is emailed to the sender and kept with the request.',
        params: idParams,
        body: replyBody,
        response: { 201: dataOf(contactRequestSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await replyToContactRequest(app.deps, actor, request.params.id, request.body.body);
      return reply.status(201).send(await detail(actor, request.params.id));
    },
  );

  for (const [path, status, summary] of [
    ['done', 'done', 'Mark a contact request done (it leaves the open inbox).'],
    ['reopen', 'open', 'Reopen a contact request marked done.'],
  ] as const) {
    app.post(
      `/coordinator/contact-requests/:id/${path}`,
      { schema: { tags, summary, params: idParams, response: oneRequest } },
      async (request) => {
        const actor = requireActor(request);
        await setContactRequestStatus(app.deps, actor, request.params.id, status);
        return detail(actor, request.params.id);
      },
    );
  }
};
