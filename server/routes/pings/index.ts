import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import {
  answerLinkParams,
  answerLinkSchema,
  answerPingBody,
  createPingBody,
  extendPingBody,
  openPingSchema,
  pingParams,
  pingResultsSchema,
  pingSchema,
} from '../../../common/contracts/pings.ts';
import { dataOf, errorResponses, idSchema, okBody } from '../../../common/contracts/shared.ts';
import { requireActor } from '../../plugins/auth.ts';
import { answerByLink, describeAnswerLink } from '../../services/pings/answer-links.ts';
import { answerPing } from '../../services/pings/answer-ping.ts';
import { createPing } from '../../services/pings/create-ping.ts';
import { discussPing } from '../../services/pings/discuss-ping.ts';
import { closePing, extendPing } from '../../services/pings/manage-ping.ts';
import {
  exportPingAnswers,
  getPing,
  getPingResults,
  listMyOpenPings,
  listPings,
} from '../../services/pings/read-pings.ts';

const tags = ['pings'];
const ok = { data: { ok: true as const } };

/** Pings (#16 §1): a leader's quick question to some or all members, answered in the app or by email. */
export const pingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/communities/:slug/pings',
    {
      schema: {
        tags,
        summary:
          'Leaders and coordinators: send a Ping (open text, or 2–10 choices) to all members, a role, the last meeting’s attendees or members inactive for 60 days, open 1 hour to 14 days.',
        params: slugParams,
        body: createPingBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await createPing(app.deps, requireActor(request), request.params.slug, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.get(
    '/communities/:slug/pings',
    {
      schema: {
        tags,
        summary:
          'Leaders and coordinators: the community’s Pings with their response rate; members: the open Pings sent to them.',
        params: slugParams,
        response: { 200: dataOf(z.array(pingSchema)), ...errorResponses },
      },
    },
    async (request) => ({ data: await listPings(app.deps, requireActor(request), request.params.slug) }),
  );

  app.get(
    '/pings',
    {
      schema: {
        tags,
        summary: 'The open Pings sent to you in all your communities, newest first (for the home page).',
        response: { 200: dataOf(z.array(openPingSchema)), ...errorResponses },
      },
    },
    async (request) => ({ data: await listMyOpenPings(app.deps, requireActor(request)) }),
  );

  app.get(
    '/pings/:id',
    {
      schema: {
        tags,
        summary: 'A Ping, for its recipients (with your answer, unless it is anonymous) and its leaders.',
        params: pingParams,
        response: { 200: dataOf(pingSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await getPing(app.deps, requireActor(request), request.params.id) }),
  );

  app.put(
    '/pings/:id/answer',
    {
      schema: {
        tags,
        summary:
          'Answer a Ping sent to you while it is open (a choice’s index, or text); change it later unless it is anonymous.',
        params: pingParams,
        body: answerPingBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await answerPing(app.deps, requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  app.post(
    '/pings/:id/thread',
    {
      schema: {
        tags,
        summary:
          'Discuss the results: the thread attached to the Ping, started by the first person who may start a thread in its community and asks (the same thread for everyone after).',
        params: pingParams,
        response: { 200: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request) => ({
      data: { id: await discussPing(app.deps, requireActor(request), request.params.id) },
    }),
  );

  app.post(
    '/pings/:id/close',
    {
      schema: {
        tags,
        summary: 'Leaders: close a Ping early.',
        params: pingParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await closePing(app.deps, requireActor(request), request.params.id);
      return ok;
    },
  );

  app.post(
    '/pings/:id/extend',
    {
      schema: {
        tags,
        summary: 'Leaders: move an open Ping’s closing time later (at most 14 days after it was sent).',
        params: pingParams,
        body: extendPingBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await extendPing(app.deps, requireActor(request), request.params.id, request.body.closesAt);
      return ok;
    },
  );

  app.get(
    '/pings/:id/results',
    {
      schema: {
        tags,
        summary:
          'The response rate and the results, when you may see them (anonymous: from five answers on, in steps of five).',
        params: pingParams,
        response: { 200: dataOf(pingResultsSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await getPingResults(app.deps, requireActor(request), request.params.id) }),
  );

  app.get(
    '/pings/:id/csv',
    {
      schema: {
        tags,
        summary:
          'Leaders: the answers as a CSV file (anonymous: the answers only, as the results show them).',
        params: pingParams,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const csv = await exportPingAnswers(app.deps, requireActor(request), request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Cache-Control', 'private, no-store')
        .header('Content-Disposition', `attachment; filename="ping-${request.params.id}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/pings/answer-links/:token',
    {
      schema: {
        tags,
        summary:
          'What a one-click answer link from a Ping’s email would answer (no session needed; answers nothing).',
        params: answerLinkParams,
        response: { 200: dataOf(answerLinkSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'private, no-store');
      return { data: await describeAnswerLink(app.deps, request.params.token) };
    },
  );

  app.post(
    '/pings/answer-links/:token',
    {
      schema: {
        tags,
        summary:
          'Answer with a one-click link from a Ping’s email (no session needed; each link works once).',
        params: answerLinkParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await answerByLink(app.deps, request.params.token);
      return ok;
    },
  );
};
