import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  commentBody,
  createProposalBody,
  optionalMessageBody,
  proposalSchema,
  proposalSummarySchema,
  proposalsQuery,
  requiredMessageBody,
  updateProposalBody,
} from '../../../common/contracts/proposals.ts';
import { dataOf, errorResponses, idParams, listOf } from '../../../common/contracts/shared.ts';
import type { Actor } from '../../lib/actor.ts';
import { requireActor } from '../../plugins/auth.ts';
import { presentProposal, presentProposalSummary } from '../../presenters/proposals.ts';
import { answerLeadershipInvitation } from '../../services/proposals/answer-leadership-invitation.ts';
import { approveProposal } from '../../services/proposals/approve-proposal.ts';
import { commentOnProposal } from '../../services/proposals/comment-on-proposal.ts';
import { declineProposal } from '../../services/proposals/decline-proposal.ts';
import { getProposal, listProposalsFor } from '../../services/proposals/read-proposals.ts';
import { requestProposalChanges } from '../../services/proposals/request-proposal-changes.ts';
import { resubmitProposal } from '../../services/proposals/resubmit-proposal.ts';
import { submitProposal } from '../../services/proposals/submit-proposal.ts';
import { updateProposal } from '../../services/proposals/update-proposal.ts';
import { withdrawProposal } from '../../services/proposals/withdraw-proposal.ts';

/** Proposals for new communities: proposing, the coordinators' review, the leadership team. */
export const proposalRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['proposals'];
  const { db } = app.deps.database;
  const detail = async (actor: Actor, id: string) => ({
    data: presentProposal(await getProposal(db, actor, id), actor),
  });
  const oneProposal = { 200: dataOf(proposalSchema), ...errorResponses };

  app.post(
    '/proposals',
    {
      schema: {
        tags,
        summary:
          'Propose a community. You lead it; the people in coLeaderIds are invited to co-lead and must accept.',
        body: createProposalBody,
        response: { 201: dataOf(proposalSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await submitProposal(app.deps, actor, request.body);
      return reply.status(201).send(await detail(actor, id));
    },
  );

  app.get(
    '/proposals',
    {
      schema: {
        tags,
        summary:
          'Proposals, most recently active first: coordinators see the whole queue (mine=true: only theirs); others those they made or are named in.',
        querystring: proposalsQuery,
        response: { 200: listOf(proposalSummarySchema), ...errorResponses },
      },
    },
    async (request) => {
      const { page, nextCursor } = await listProposalsFor(db, requireActor(request), request.query);
      return { data: page.map(presentProposalSummary), nextCursor };
    },
  );

  app.get(
    '/proposals/:id',
    {
      schema: {
        tags,
        summary: 'One proposal with its leadership team and the whole conversation.',
        params: idParams,
        response: oneProposal,
      },
    },
    async (request) => detail(requireActor(request), request.params.id),
  );

  app.patch(
    '/proposals/:id',
    {
      schema: {
        tags,
        summary:
          'The proposer edits an open proposal; coLeaderIds replaces the list of invited co-leaders (new ones are invited).',
        params: idParams,
        body: updateProposalBody,
        response: oneProposal,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await updateProposal(app.deps, actor, request.params.id, request.body);
      return detail(actor, request.params.id);
    },
  );

  const steps = [
    {
      path: 'resubmit',
      summary: 'The proposer sends the proposal back for review after changes were requested.',
      run: resubmitProposal,
    },
    {
      path: 'withdraw',
      summary: 'The proposer withdraws an open proposal.',
      run: withdrawProposal,
    },
    {
      path: 'approve',
      summary:
        'A coordinator approves: the community is created with its leaders and charter (every co-leader must have accepted).',
      run: approveProposal,
    },
  ] as const;
  for (const step of steps) {
    app.post(
      `/proposals/:id/${step.path}`,
      {
        schema: {
          tags,
          summary: `${step.summary} Optional note: { message }.`,
          params: idParams,
          body: optionalMessageBody,
          response: oneProposal,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await step.run(app.deps, actor, request.params.id, request.body?.message ?? '');
        return detail(actor, request.params.id);
      },
    );
  }

  const reviews = [
    {
      path: 'request-changes',
      summary: 'A coordinator asks for changes; the message says which.',
      run: requestProposalChanges,
    },
    {
      path: 'decline',
      summary: 'A coordinator declines the proposal; the message gives the reason.',
      run: declineProposal,
    },
  ] as const;
  for (const review of reviews) {
    app.post(
      `/proposals/:id/${review.path}`,
      {
        schema: {
          tags,
          summary: review.summary,
          params: idParams,
          body: requiredMessageBody,
          response: oneProposal,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await review.run(app.deps, actor, request.params.id, request.body.message);
        return detail(actor, request.params.id);
      },
    );
  }

  app.post(
    '/proposals/:id/messages',
    {
      schema: {
        tags,
        summary: 'Comment on the proposal (proposer, named co-leaders, coordinators).',
        params: idParams,
        body: commentBody,
        response: { 201: dataOf(proposalSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await commentOnProposal(app.deps, actor, request.params.id, request.body.body);
      return reply.status(201).send(await detail(actor, request.params.id));
    },
  );

  for (const [path, answer] of [
    ['accept', 'accepted'],
    ['decline', 'declined'],
  ] as const) {
    app.post(
      `/proposals/:id/leadership/${path}`,
      {
        schema: {
          tags,
          summary: `A person named as co-leader ${path}s the invitation to co-lead.`,
          params: idParams,
          response: oneProposal,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await answerLeadershipInvitation(app.deps, actor, request.params.id, answer);
        return detail(actor, request.params.id);
      },
    );
  }
};
