import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  closePairBody,
  mentoringOfferBody,
  mentoringOverviewSchema,
  mentoringSideParams,
  mentoringSkillSchema,
  mentorSuggestionSchema,
  myMentoringSchema,
  pairingListItemSchema,
  pairMeetingBody,
  pairNoteBody,
  pairNoteSchema,
  pairNotesQuery,
  pairParams,
  pairSchema,
  reflectionStoryBody,
  requestMentorBody,
} from '../../../common/contracts/mentoring.ts';
import { dataOf, errorResponses, idSchema, listOf, okBody } from '../../../common/contracts/shared.ts';
import { requireActor } from '../../plugins/auth.ts';
import { readerLocale } from '../../plugins/reader-locale.ts';
import { answerPairRequest } from '../../services/mentoring/answer-request.ts';
import { closePairing } from '../../services/mentoring/close-pairing.ts';
import {
  getMyMentoring,
  listMentoringSkills,
  removeOffer,
  saveOffer,
} from '../../services/mentoring/offers.ts';
import { getMentoringOverview } from '../../services/mentoring/overview.ts';
import {
  addPairNote,
  getPair,
  listPairingsForCoordinators,
  listPairNotes,
  pairMeetingFile,
  setPairMeeting,
} from '../../services/mentoring/pair-space.ts';
import { turnReflectionIntoStory } from '../../services/mentoring/reflection-story.ts';
import { requestMentor } from '../../services/mentoring/request-mentor.ts';
import { listMentorSuggestions } from '../../services/mentoring/suggest-mentors.ts';

const tags = ['mentoring'];
const ok = { data: { ok: true as const } };

/** Mentoring (#18 §2): institution-wide offers and wishes, suggestions, pairings and the pair's space. */
export const mentoringRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mentoring/skills',
    {
      schema: {
        tags,
        summary: 'The skills to mentor or learn: the expertise tags people have, most common first.',
        response: { 200: dataOf(z.array(mentoringSkillSchema)), ...errorResponses },
      },
    },
    async (request) => ({ data: await listMentoringSkills(app.deps, requireActor(request)) }),
  );

  app.get(
    '/mentoring',
    {
      schema: {
        tags,
        summary: 'Your offer to mentor, your wish for a mentor, and your pairings (requests in and out too).',
        response: { 200: dataOf(myMentoringSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await getMyMentoring(app.deps, requireActor(request)) }),
  );

  app.put(
    '/mentoring/offers/:side',
    {
      schema: {
        tags,
        summary:
          'Offer to mentor (side mentor, with a cap of 1–10 mentees) or ask for a mentor (side mentee) on 1–10 known skills, with your availability.',
        params: mentoringSideParams,
        body: mentoringOfferBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await saveOffer(app.deps, requireActor(request), request.params.side, request.body);
      return ok;
    },
  );

  app.delete(
    '/mentoring/offers/:side',
    {
      schema: {
        tags,
        summary: 'Withdraw your offer or wish (a mentor with mentees pauses the offer instead).',
        params: mentoringSideParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await removeOffer(app.deps, requireActor(request), request.params.side);
      return ok;
    },
  );

  app.get(
    '/mentoring/suggestions',
    {
      schema: {
        tags,
        summary:
          'Mentors for your wish, explained: most shared skills first, then from another unit; mentors at their cap are left out.',
        response: { 200: dataOf(z.array(mentorSuggestionSchema)), ...errorResponses },
      },
    },
    async (request) => ({ data: await listMentorSuggestions(app.deps, requireActor(request)) }),
  );

  app.post(
    '/mentoring/pairs',
    {
      schema: {
        tags,
        summary: 'Ask a mentor (they accept or decline).',
        body: requestMentorBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await requestMentor(app.deps, requireActor(request), request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.get(
    '/mentoring/pairings',
    {
      schema: {
        tags,
        summary: 'Coordinators: the active pairings (who and since when; never their notes or meetings).',
        response: { 200: dataOf(z.array(pairingListItemSchema)), ...errorResponses },
      },
    },
    async (request) => ({ data: await listPairingsForCoordinators(app.deps, requireActor(request)) }),
  );

  app.get(
    '/mentoring/overview',
    {
      schema: {
        tags,
        summary:
          'Coordinators and administrators: pairings by status and by skill, the open pairings, wishes without a match and mentors at their cap (names, skills, status; never a pair’s space).',
        response: { 200: dataOf(mentoringOverviewSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await getMentoringOverview(app.deps, requireActor(request)) }),
  );

  app.get(
    '/mentoring/pairs/:id',
    {
      schema: {
        tags,
        summary: 'A pairing and its space: only the mentor and the mentee.',
        params: pairParams,
        response: { 200: dataOf(pairSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await getPair(app.deps, requireActor(request), request.params.id) }),
  );

  for (const [path, accept, summary] of [
    ['accept', true, 'The mentor accepts a request (409 when answered already or at the cap).'],
    ['decline', false, 'The mentor declines a request.'],
  ] as const) {
    app.post(
      `/mentoring/pairs/:id/${path}`,
      { schema: { tags, summary, params: pairParams, response: { 200: okBody, ...errorResponses } } },
      async (request) => {
        await answerPairRequest(app.deps, requireActor(request), request.params.id, accept);
        return ok;
      },
    );
  }

  app.post(
    '/mentoring/pairs/:id/close',
    {
      schema: {
        tags,
        summary: 'Either side closes the pairing (or withdraws a request) with a short reflection.',
        params: pairParams,
        body: closePairBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await closePairing(app.deps, requireActor(request), request.params.id, request.body.reflection);
      return ok;
    },
  );

  app.post(
    '/mentoring/pairs/:id/story',
    {
      schema: {
        tags,
        summary:
          'Who closed the pairing turns its reflection into a draft value story in one of their communities (only they see it until they publish it).',
        params: pairParams,
        body: reflectionStoryBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await turnReflectionIntoStory(
        app.deps,
        requireActor(request),
        request.params.id,
        request.body,
        await readerLocale(app, request),
      );
      return reply.status(201).send({ data: { id } });
    },
  );

  app.get(
    '/mentoring/pairs/:id/notes',
    {
      schema: {
        tags,
        summary: 'The pair’s shared notes, newest first.',
        params: pairParams,
        querystring: pairNotesQuery,
        response: { 200: listOf(pairNoteSchema), ...errorResponses },
      },
    },
    async (request) => listPairNotes(app.deps, requireActor(request), request.params.id, request.query),
  );

  app.post(
    '/mentoring/pairs/:id/notes',
    {
      schema: {
        tags,
        summary: 'Add a shared note (Markdown) while the pairing is active.',
        params: pairParams,
        body: pairNoteBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await addPairNote(app.deps, requireActor(request), request.params.id, request.body.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.put(
    '/mentoring/pairs/:id/meeting',
    {
      schema: {
        tags,
        summary: 'Set the pair’s next meeting: when, how long, where, a video link.',
        params: pairParams,
        body: pairMeetingBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await setPairMeeting(app.deps, requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  app.delete(
    '/mentoring/pairs/:id/meeting',
    {
      schema: {
        tags,
        summary: 'Clear the pair’s next meeting.',
        params: pairParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await setPairMeeting(app.deps, requireActor(request), request.params.id, null);
      return ok;
    },
  );

  app.get(
    '/mentoring/pairs/:id/meeting.ics',
    {
      schema: {
        tags,
        summary: 'The pair’s next meeting as an iCalendar file.',
        params: pairParams,
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const file = await pairMeetingFile(
        app.deps,
        requireActor(request),
        request.params.id,
        await readerLocale(app, request),
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('Cache-Control', 'private, no-store')
        .header('Content-Disposition', 'attachment; filename="mentoring-meeting.ics"')
        .send(file);
    },
  );
};
