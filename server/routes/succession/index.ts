import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugAndUserParams, slugParams } from '../../../common/contracts/communities.ts';
import { dataOf, errorResponses, idSchema, okBody } from '../../../common/contracts/shared.ts';
import {
  answerNominationBody,
  decideBody,
  leadershipSchema,
  nominateBody,
  objectBody,
  startSuccessionBody,
  stepDownBody,
  termBody,
  tickBody,
  voteBody,
} from '../../../common/contracts/succession.ts';
import { requireActor } from '../../plugins/auth.ts';
import {
  closeSuccession,
  decideSuccession,
  objectToCandidate,
  voteForSuccessor,
} from '../../services/succession/decide.ts';
import { tickHandover } from '../../services/succession/handover.ts';
import { answerNomination, nominate } from '../../services/succession/nominations.ts';
import { getLeadership } from '../../services/succession/read-leadership.ts';
import { cancelSuccession, startSuccession, stepDown } from '../../services/succession/start-succession.ts';
import { setTerm } from '../../services/succession/terms.ts';

const tags = ['succession'];
const ok = { data: { ok: true as const } };
const base = '/communities/:slug/succession';

/** Leadership terms and succession (#18 §1): the community's Leadership tab. */
export const successionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/communities/:slug/leadership',
    {
      schema: {
        tags,
        summary:
          "Members and coordinators: the leaders' terms, the charter's decision process, the succession under way (a vote's tally only after closing) and past ones.",
        params: slugParams,
        response: { 200: dataOf(leadershipSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await getLeadership(app.deps, requireActor(request), request.params.slug) }),
  );

  app.put(
    '/communities/:slug/leadership/terms/:userId',
    {
      schema: {
        tags,
        summary: "Leaders and coordinators: set or renew a leader's term (no end: endsOn null).",
        params: slugAndUserParams,
        body: termBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      const { slug, userId } = request.params;
      await setTerm(app.deps, requireActor(request), slug, userId, request.body);
      return ok;
    },
  );

  app.post(
    '/communities/:slug/leadership/step-down',
    {
      schema: {
        tags,
        summary: 'Leaders and co-leaders: step down at once, keeping a role (409 for the last leader).',
        params: slugParams,
        body: stepDownBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await stepDown(app.deps, requireActor(request), request.params.slug, request.body.role);
      return ok;
    },
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary:
          "Leaders and co-leaders: start a succession for your place, naming a successor or opening nominations; the charter's process decides.",
        params: slugParams,
        body: startSuccessionBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await startSuccession(app.deps, requireActor(request), request.params.slug, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.delete(
    base,
    {
      schema: {
        tags,
        summary: 'Leaders and coordinators: call off the succession under way before it is decided.',
        params: slugParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await cancelSuccession(app.deps, requireActor(request), request.params.slug);
      return ok;
    },
  );

  app.post(
    `${base}/nominations`,
    {
      schema: {
        tags,
        summary: 'Members: nominate a member (yourself: accepted at once) while nominations are open.',
        params: slugParams,
        body: nominateBody,
        response: { 201: okBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await nominate(app.deps, requireActor(request), request.params.slug, request.body.userId);
      return reply.status(201).send(ok);
    },
  );

  app.put(
    `${base}/nomination`,
    {
      schema: {
        tags,
        summary: 'The nominee: accept or decline your nomination.',
        params: slugParams,
        body: answerNominationBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await answerNomination(app.deps, requireActor(request), request.params.slug, request.body.accept);
      return ok;
    },
  );

  app.post(
    `${base}/decision`,
    {
      schema: {
        tags,
        summary:
          "Leaders and coordinators: propose an accepted nominee (consent: the objection period starts), open the vote, or choose the successor (leaders' decision).",
        params: slugParams,
        body: decideBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await decideSuccession(app.deps, requireActor(request), request.params.slug, request.body.successorId);
      return ok;
    },
  );

  app.post(
    `${base}/objections`,
    {
      schema: {
        tags,
        summary: 'Members: object to the proposed successor with a reason (consent); nominating opens again.',
        params: slugParams,
        body: objectBody,
        response: { 201: okBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await objectToCandidate(app.deps, requireActor(request), request.params.slug, request.body.reason);
      return reply.status(201).send(ok);
    },
  );

  app.post(
    `${base}/votes`,
    {
      schema: {
        tags,
        summary: 'Members: cast your one secret vote for an accepted nominee while the vote is open.',
        params: slugParams,
        body: voteBody,
        response: { 201: okBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await voteForSuccessor(app.deps, requireActor(request), request.params.slug, request.body.nomineeId);
      return reply.status(201).send(ok);
    },
  );

  app.post(
    `${base}/close`,
    {
      schema: {
        tags,
        summary: 'Leaders and coordinators: close an objection period or a vote whose time is up.',
        params: slugParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await closeSuccession(app.deps, requireActor(request), request.params.slug);
      return ok;
    },
  );

  app.post(
    `${base}/handover`,
    {
      schema: {
        tags,
        summary:
          'The outgoing and the new leader: tick an item of the hand-over checklist (the outgoing leader writes a note with outgoing_note).',
        params: slugParams,
        body: tickBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await tickHandover(app.deps, requireActor(request), request.params.slug, request.body);
      return ok;
    },
  );
};
