import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import { cursorQuery, dataOf, errorResponses, idSchema, okBody } from '../../../common/contracts/shared.ts';
import {
  createStoryBody,
  curateStoryBody,
  dismissSuggestionBody,
  storyLinkOptionsQuery,
  storyLinkSchema,
  storyListSchema,
  storyParams,
  storySchema,
  suggestionsSchema,
  updateStoryBody,
  valueMatrixSchema,
} from '../../../common/contracts/stories.ts';
import { requireActor } from '../../plugins/auth.ts';
import { curateStory, deleteStory, publishStory, updateStory } from '../../services/stories/change-story.ts';
import { getStory, listCommunityStories, listStoryLinkOptions } from '../../services/stories/read-stories.ts';
import { recordStory } from '../../services/stories/record-story.ts';
import { dismissSuggestion, listSuggestions } from '../../services/stories/suggestions.ts';
import { getValueMatrix } from '../../services/stories/value-matrix.ts';

const tags = ['value stories'];
const ok = { data: { ok: true as const } };

/** Value-creation stories, the value-creation matrix (#17 §2) and the leaders' suggestions (#17 §3). */
export const storyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/communities/:slug/stories',
    {
      schema: {
        tags,
        summary:
          'Members and coordinators: the community’s value-creation stories, newest first (hidden ones only to leaders and their authors).',
        params: slugParams,
        querystring: cursorQuery,
        response: { 200: storyListSchema, ...errorResponses },
      },
    },
    async (request) =>
      listCommunityStories(app.deps, requireActor(request), request.params.slug, request.query),
  );

  app.post(
    '/communities/:slug/stories',
    {
      schema: {
        tags,
        summary:
          'Members: record a value-creation story in five cycles (immediate, potential, applied, realised, transformative; at least one told), linked to the community’s meetings, threads and resources you can see, or started from your "I used this" record.',
        params: slugParams,
        body: createStoryBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await recordStory(app.deps, requireActor(request), request.params.slug, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.get(
    '/communities/:slug/stories/link-options',
    {
      schema: {
        tags,
        summary:
          'For the story form: the community’s meetings, threads or resources you can see, newest first, matching `q` (at most 20).',
        params: slugParams,
        querystring: storyLinkOptionsQuery,
        response: { 200: dataOf(z.array(storyLinkSchema)), ...errorResponses },
      },
    },
    async (request) => ({
      data: await listStoryLinkOptions(
        app.deps,
        requireActor(request),
        request.params.slug,
        request.query.kind,
        request.query.q,
      ),
    }),
  );

  app.get(
    '/communities/:slug/value-matrix',
    {
      schema: {
        tags,
        summary:
          'Members and coordinators: the value-creation matrix, per cycle the stories telling it, activity indicators of the last 90 days from the event log, and example stories.',
        params: slugParams,
        response: { 200: dataOf(valueMatrixSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await getValueMatrix(app.deps, requireActor(request), request.params.slug) }),
  );

  app.get(
    '/stories/:id',
    {
      schema: {
        tags,
        summary: 'A value-creation story with its links and what you may do with it.',
        params: storyParams,
        response: { 200: dataOf(storySchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await getStory(app.deps, requireActor(request), request.params.id) }),
  );

  app.put(
    '/stories/:id',
    {
      schema: {
        tags,
        summary: 'The author: change the story (its title, five cycles and links).',
        params: storyParams,
        body: updateStoryBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await updateStory(app.deps, requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  app.delete(
    '/stories/:id',
    {
      schema: {
        tags,
        summary: 'The author: delete the story.',
        params: storyParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await deleteStory(app.deps, requireActor(request), request.params.id);
      return ok;
    },
  );

  app.post(
    '/stories/:id/publish',
    {
      schema: {
        tags,
        summary: 'The author publishes their draft story (409 when it is not a draft).',
        params: storyParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await publishStory(app.deps, requireActor(request), request.params.id);
      return ok;
    },
  );

  app.patch(
    '/stories/:id/curation',
    {
      schema: {
        tags,
        summary: 'Leaders and coordinators: feature the story (or not), publish or hide it.',
        params: storyParams,
        body: curateStoryBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await curateStory(app.deps, requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  app.get(
    '/communities/:slug/suggestions',
    {
      schema: {
        tags: ['suggestions'],
        summary:
          'Leaders and coordinators: suggestions when signals move (participation down a third over 90 days, a question unanswered for a week, no meeting for two months, an action item overdue, a check-in due) and the lifecycle stage Copse proposes, and a leader’s term ending within 30 days with no succession under way, each with a next step.',
        params: slugParams,
        response: { 200: dataOf(suggestionsSchema), ...errorResponses },
      },
    },
    async (request) => ({
      data: await listSuggestions(app.deps, requireActor(request), request.params.slug),
    }),
  );

  app.post(
    '/communities/:slug/suggestions/dismissals',
    {
      schema: {
        tags: ['suggestions'],
        summary:
          'Leaders and coordinators: dismiss a suggestion shown now (kind and subject); it returns when its signal grows or for a new subject.',
        params: slugParams,
        body: dismissSuggestionBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await dismissSuggestion(app.deps, requireActor(request), request.params.slug, request.body);
      return ok;
    },
  );
};
