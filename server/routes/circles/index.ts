import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  circleCalendarMeetingSchema,
  circleListSchema,
  circleMeetingBody,
  circleParams,
  circlePostBody,
  circleReflectionBody,
  circleSchema,
  createCircleBody,
  inviteToCircleBody,
} from '../../../common/contracts/circles.ts';
import { slugParams } from '../../../common/contracts/communities.ts';
import { dataOf, errorResponses, idSchema, okBody } from '../../../common/contracts/shared.ts';
import { requireActor } from '../../plugins/auth.ts';
import {
  changeCircleState,
  postInCircle,
  reflectOnCircle,
  scheduleCircleMeeting,
} from '../../services/circles/circle-content.ts';
import { inviteToCircle, joinCircle, leaveCircle } from '../../services/circles/circle-membership.ts';
import { createCircle } from '../../services/circles/create-circle.ts';
import { getCircle, listCircles, listMyCircleMeetings } from '../../services/circles/read-circles.ts';

const tags = ['circles'];
const ok = { data: { ok: true as const } };

/** Peer learning circles (#18 §3): small private groups (3–8) inside a community, with a time box. */
export const circleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/calendar/circles',
    {
      schema: {
        tags,
        summary:
          'Your calendar: the upcoming meetings of the circles you are a member of (also in your private feed).',
        response: { 200: dataOf(z.array(circleCalendarMeetingSchema)), ...errorResponses },
      },
    },
    async (request) => ({ data: await listMyCircleMeetings(app.deps, requireActor(request)) }),
  );

  app.get(
    '/communities/:slug/circles',
    {
      schema: {
        tags,
        summary:
          "The community's circles you may know of: all (name and purpose) for leaders and coordinators, open ones for members, and those you are in or invited to.",
        params: slugParams,
        response: { 200: dataOf(circleListSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await listCircles(app.deps, requireActor(request), request.params.slug) }),
  );

  app.post(
    '/communities/:slug/circles',
    {
      schema: {
        tags,
        summary:
          'Members: form a circle (a purpose and a time box of 1–26 weeks), open to join or by invitation; you are its first member.',
        params: slugParams,
        body: createCircleBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await createCircle(app.deps, requireActor(request), request.params.slug, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.get(
    '/circles/:id',
    {
      schema: {
        tags,
        summary:
          "A circle: its members see its discussion, meetings and reflections; the community's leaders and coordinators, and members looking at an open circle, see only its purpose, time box and members.",
        params: circleParams,
        response: { 200: dataOf(circleSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await getCircle(app.deps, requireActor(request), request.params.id) }),
  );

  app.post(
    '/circles/:id/join',
    {
      schema: {
        tags,
        summary:
          'Join an open circle, or accept an invitation (409 when it is full, at eight, or you are in it).',
        params: circleParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await joinCircle(app.deps, requireActor(request), request.params.id);
      return ok;
    },
  );

  app.delete(
    '/circles/:id/membership',
    {
      schema: {
        tags,
        summary: 'Leave a circle, or decline an invitation to it.',
        params: circleParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await leaveCircle(app.deps, requireActor(request), request.params.id);
      return ok;
    },
  );

  app.post(
    '/circles/:id/invitations',
    {
      schema: {
        tags,
        summary:
          'Circle members: invite a member of the community (members and invitations stay within eight).',
        params: circleParams,
        body: inviteToCircleBody,
        response: { 201: okBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await inviteToCircle(app.deps, requireActor(request), request.params.id, request.body.userId);
      return reply.status(201).send(ok);
    },
  );

  app.post(
    '/circles/:id/posts',
    {
      schema: {
        tags,
        summary: "Circle members: post in the circle's own discussion.",
        params: circleParams,
        body: circlePostBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await postInCircle(app.deps, requireActor(request), request.params.id, request.body.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.post(
    '/circles/:id/meetings',
    {
      schema: {
        tags,
        summary: "Circle members: schedule one of the circle's meetings (seen on its page only).",
        params: circleParams,
        body: circleMeetingBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await scheduleCircleMeeting(
        app.deps,
        requireActor(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send({ data: { id } });
    },
  );

  app.post(
    '/circles/:id/start',
    {
      schema: {
        tags,
        summary: 'Circle members: start a forming circle (409 below three members).',
        params: circleParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await changeCircleState(app.deps, requireActor(request), request.params.id, 'active');
      return ok;
    },
  );

  app.post(
    '/circles/:id/close',
    {
      schema: {
        tags,
        summary: 'Circle members: close the circle before its end date (then each member may reflect).',
        params: circleParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await changeCircleState(app.deps, requireActor(request), request.params.id, 'closed');
      return ok;
    },
  );

  app.put(
    '/circles/:id/reflection',
    {
      schema: {
        tags,
        summary: 'Circle members: write (or rewrite) your closing reflection once the circle has closed.',
        params: circleParams,
        body: circleReflectionBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await reflectOnCircle(app.deps, requireActor(request), request.params.id, request.body.body);
      return ok;
    },
  );
};
