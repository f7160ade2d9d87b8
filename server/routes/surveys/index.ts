import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import { dataOf, errorResponses, idSchema, okBody } from '../../../common/contracts/shared.ts';
import {
  actionItemListSchema,
  actionItemParams,
  actionItemsQuery,
  answerSurveyBody,
  createActionItemBody,
  createSurveyBody,
  openSurveySchema,
  surveyParams,
  surveyResultsQuery,
  surveyResultsSchema,
  surveySchema,
  surveySummarySchema,
  surveyTemplateSchema,
  updateActionItemBody,
} from '../../../common/contracts/surveys.ts';
import { requireActor } from '../../plugins/auth.ts';
import { readerLocale } from '../../plugins/reader-locale.ts';
import {
  createActionItem,
  deleteActionItem,
  listActionItems,
  updateActionItem,
} from '../../services/surveys/action-items.ts';
import { answerSurvey } from '../../services/surveys/answer-survey.ts';
import { createSurvey } from '../../services/surveys/create-survey.ts';
import { closeSurvey, startNextRound } from '../../services/surveys/manage-survey.ts';
import { getSurvey, listMyOpenSurveys, listSurveys } from '../../services/surveys/read-surveys.ts';
import { exportSurveyResults, getSurveyResults } from '../../services/surveys/results.ts';
import { listSurveyTemplates } from '../../services/surveys/templates.ts';

const tags = ['check-ins'];
const ok = { data: { ok: true as const } };

/** Check-ins and surveys (#16 §2): leaders' surveys in rounds, their results and action items. */
export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/survey-templates',
    {
      schema: {
        tags,
        summary:
          'The start-of-term and end-of-term check-in templates, in your language, to start a check-in from.',
        response: { 200: dataOf(z.array(surveyTemplateSchema)), ...errorResponses },
      },
    },
    async (request) => {
      requireActor(request);
      return { data: listSurveyTemplates(await readerLocale(app, request)) };
    },
  );

  app.post(
    '/communities/:slug/surveys',
    {
      schema: {
        tags,
        summary:
          'Leaders and coordinators: start a check-in (1–30 questions: Likert, single or multiple choice, ranking, short or long text, what to focus on next), anonymous or named, once or every term / every N weeks.',
        params: slugParams,
        body: createSurveyBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await createSurvey(app.deps, requireActor(request), request.params.slug, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.get(
    '/communities/:slug/surveys',
    {
      schema: {
        tags,
        summary: 'Leaders and coordinators: every check-in of the community; members: those sent to them.',
        params: slugParams,
        response: { 200: dataOf(z.array(surveySummarySchema)), ...errorResponses },
      },
    },
    async (request) => ({ data: await listSurveys(app.deps, requireActor(request), request.params.slug) }),
  );

  app.get(
    '/surveys',
    {
      schema: {
        tags,
        summary: 'The open check-ins sent to you in all your communities (for the home page).',
        response: { 200: dataOf(z.array(openSurveySchema)), ...errorResponses },
      },
    },
    async (request) => ({ data: await listMyOpenSurveys(app.deps, requireActor(request)) }),
  );

  app.get(
    '/surveys/:id',
    {
      schema: {
        tags,
        summary:
          'A check-in with its questions and current round (your answers too, unless it is anonymous).',
        params: surveyParams,
        response: { 200: dataOf(surveySchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await getSurvey(app.deps, requireActor(request), request.params.id) }),
  );

  app.put(
    '/surveys/:id/response',
    {
      schema: {
        tags,
        summary:
          'Answer the open round of a check-in sent to you (answers by question id); change it while open unless it is anonymous.',
        params: surveyParams,
        body: answerSurveyBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await answerSurvey(app.deps, requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  app.post(
    '/surveys/:id/close',
    {
      schema: {
        tags,
        summary: 'Leaders: close the check-in now (the open round closes, no further rounds).',
        params: surveyParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await closeSurvey(app.deps, requireActor(request), request.params.id);
      return ok;
    },
  );

  app.post(
    '/surveys/:id/rounds',
    {
      schema: {
        tags,
        summary:
          'Leaders: open the next round now (the open round closes; the same questions, announced to the members). Later rounds keep their schedule.',
        params: surveyParams,
        response: { 201: dataOf(z.object({ number: z.number().int() })), ...errorResponses },
      },
    },
    async (request, reply) => {
      const number = await startNextRound(app.deps, requireActor(request), request.params.id);
      return reply.status(201).send({ data: { number } });
    },
  );

  app.get(
    '/surveys/:id/results',
    {
      schema: {
        tags,
        summary:
          'The results of a round (the latest by default) with each question’s trend across rounds; `q` finds free-text answers. Anonymous: from five responses on, in steps of five.',
        params: surveyParams,
        querystring: surveyResultsQuery,
        response: { 200: dataOf(surveyResultsSchema), ...errorResponses },
      },
    },
    async (request) => ({
      data: await getSurveyResults(app.deps, requireActor(request), request.params.id, request.query),
    }),
  );

  app.get(
    '/surveys/:id/csv',
    {
      schema: {
        tags,
        summary:
          'Leaders: a round’s results as CSV (counts per option and the free text; never who answered).',
        params: surveyParams,
        querystring: surveyResultsQuery.pick({ round: true }),
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const csv = await exportSurveyResults(
        app.deps,
        requireActor(request),
        request.params.id,
        request.query.round,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('Cache-Control', 'private, no-store')
        .header('Content-Disposition', `attachment; filename="check-in-${request.params.id}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/communities/:slug/action-items',
    {
      schema: {
        tags,
        summary:
          'Members: the community’s action items (open: shown on its home until done; done: "You said, we did" with what was done).',
        params: slugParams,
        querystring: actionItemsQuery,
        response: { 200: dataOf(actionItemListSchema), ...errorResponses },
      },
    },
    async (request) => ({
      data: await listActionItems(app.deps, requireActor(request), request.params.slug, request.query.status),
    }),
  );

  app.post(
    '/communities/:slug/action-items',
    {
      schema: {
        tags,
        summary:
          'Leaders and coordinators: record an action item (owner who is a member, due date, status, the check-in it follows from).',
        params: slugParams,
        body: createActionItemBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await createActionItem(app.deps, requireActor(request), request.params.slug, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.patch(
    '/action-items/:id',
    {
      schema: {
        tags,
        summary: 'Leaders and coordinators: change an action item (status, owner, due date, what was done).',
        params: actionItemParams,
        body: updateActionItemBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await updateActionItem(app.deps, requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  app.delete(
    '/action-items/:id',
    {
      schema: {
        tags,
        summary: 'Leaders and coordinators: remove an action item.',
        params: actionItemParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await deleteActionItem(app.deps, requireActor(request), request.params.id);
      return ok;
    },
  );
};
