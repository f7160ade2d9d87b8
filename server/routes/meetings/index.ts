import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugAndIdParams, slugParams } from '../../../common/contracts/communities.ts';
import {
  activityRoleBody,
  activityRoleSchema,
  attendanceBody,
  cancelMeetingBody,
  followUpBody,
  meetingCardSchema,
  meetingListQuery,
  meetingParams,
  meetingSchema,
  roleAssignmentBody,
  roleSuggestionSchema,
  rsvpBody,
  rsvpEntrySchema,
  rsvpResultSchema,
  scheduleMeetingBody,
  updateMeetingBody,
} from '../../../common/contracts/meetings.ts';
import { dataOf, errorResponses, idSchema, listOf, okBody } from '../../../common/contracts/shared.ts';
import type { Actor } from '../../lib/actor.ts';
import { requireActor } from '../../plugins/auth.ts';
import { readerLocale } from '../../plugins/reader-locale.ts';
import { enforce } from '../../policies/decision.ts';
import { maySeeResponses, maySeeRoleSuggestions } from '../../policies/meetings.ts';
import { presentMeeting, presentMeetingCard, presentPersonRef } from '../../presenters/meetings.ts';
import { listMeetingRsvps, suggestRoleRotation } from '../../queries/meeting-people.ts';
import { findMeetingExtras, listCommunityMeetings } from '../../queries/meetings.ts';
import { listMeetingSkills } from '../../queries/skill-sessions.ts';
import { loadVisibleCommunity } from '../../services/communities/load-community.ts';
import { startThread } from '../../services/discussions/start-thread.ts';
import {
  addActivityRole,
  listActivityRoles,
  removeActivityRole,
} from '../../services/meetings/activity-roles.ts';
import { answerRsvp } from '../../services/meetings/answer-rsvp.ts';
import { assignMeetingRole } from '../../services/meetings/assign-role.ts';
import { cancelMeeting } from '../../services/meetings/cancel-meeting.ts';
import { loadVisibleMeeting } from '../../services/meetings/load-meeting.ts';
import { buildMeetingCalendar } from '../../services/meetings/meeting-calendar.ts';
import { recordFollowUp, takeAttendance } from '../../services/meetings/record-meeting.ts';
import { scheduleMeeting } from '../../services/meetings/schedule-meeting.ts';
import { updateMeeting } from '../../services/meetings/update-meeting.ts';
import { sendCalendar } from '../calendar-reply.ts';

const tags = ['meetings'];

export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  /** A meeting's page as the actor sees it (one query for access, one for the rest). */
  async function meetingPage(actor: Actor | null, id: string) {
    const found = await loadVisibleMeeting(db(), actor, id);
    const extras = await findMeetingExtras(db(), id, actor?.id ?? null);
    if (!extras) throw new Error('meeting vanished between two reads');
    const skills = found.meeting.skillSession ? await listMeetingSkills(db(), id) : [];
    return {
      data: { ...presentMeeting(found, extras, actor), skillSession: found.meeting.skillSession, skills },
    };
  }

  app.get(
    '/communities/:slug/meetings',
    {
      schema: {
        tags,
        summary: 'A community’s meetings: upcoming (soonest first) or past (newest first).',
        params: slugParams,
        querystring: meetingListQuery,
        response: { 200: listOf(meetingCardSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { community } = await loadVisibleCommunity(db(), request.actor, request.params.slug);
      const { rows, nextCursor } = await listCommunityMeetings(
        db(),
        community.id,
        request.actor?.id ?? null,
        request.query,
      );
      return { data: rows.map(presentMeetingCard), nextCursor };
    },
  );

  app.post(
    '/communities/:slug/meetings',
    {
      schema: {
        tags,
        summary:
          'Schedule a meeting, workshop or conference: wall-clock start and end in an IANA time zone, optionally repeating (a bounded RRULE, with exception dates).',
        params: slugParams,
        body: scheduleMeetingBody,
        response: { 201: dataOf(meetingSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id } = await scheduleMeeting(app.deps, actor, request.params.slug, request.body);
      return reply.status(201).send(await meetingPage(actor, id));
    },
  );

  app.get(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'A meeting: details, series, answers, roles, attendance, notes and what you may do.',
        params: meetingParams,
        response: { 200: dataOf(meetingSchema), ...errorResponses },
      },
    },
    async (request) => meetingPage(request.actor, request.params.id),
  );

  app.patch(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Edit a meeting; for a series, scope "this" or "following" (this and the later ones).',
        params: meetingParams,
        body: updateMeetingBody,
        response: { 200: dataOf(meetingSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await updateMeeting(app.deps, actor, request.params.id, request.body);
      return meetingPage(actor, request.params.id);
    },
  );

  app.post(
    '/meetings/:id/cancel',
    {
      schema: {
        tags,
        summary:
          'Cancel a meeting (or this and the following ones), with a reason; it stays visible as cancelled.',
        params: meetingParams,
        body: cancelMeetingBody,
        response: { 200: dataOf(meetingSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await cancelMeeting(app.deps, actor, request.params.id, request.body);
      return meetingPage(actor, request.params.id);
    },
  );

  app.put(
    '/meetings/:id/rsvp',
    {
      schema: {
        tags,
        summary: 'Answer going, maybe or not going; a full meeting puts you on its wait list.',
        params: meetingParams,
        body: rsvpBody,
        response: { 200: dataOf(rsvpResultSchema), ...errorResponses },
      },
    },
    async (request) => ({
      data: await answerRsvp(app.deps, requireActor(request), request.params.id, request.body.answer),
    }),
  );

  app.get(
    '/meetings/:id/rsvps',
    {
      schema: {
        tags,
        summary: 'Who answered: going, maybe, the wait list in order, not going (members and coordinators).',
        params: meetingParams,
        response: { 200: dataOf(z.array(rsvpEntrySchema)), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { membership } = await loadVisibleMeeting(db(), actor, request.params.id);
      enforce(maySeeResponses(actor, membership));
      const rows = await listMeetingRsvps(db(), request.params.id);
      return {
        data: rows.map((row) => ({
          person: presentPersonRef({ ...row, updatedAt: row.updatedAt.toISOString() }),
          status: row.status,
          respondedAt: row.respondedAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/meetings/:id/ics',
    {
      schema: {
        tags,
        summary: 'Add to calendar: this meeting as an iCalendar (.ics) file.',
        params: meetingParams,
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const { text, filename } = await buildMeetingCalendar(
        db(),
        app.deps.env.publicUrl,
        request.actor,
        request.params.id,
        await readerLocale(app, request),
      );
      return sendCalendar(reply, text, filename, true);
    },
  );

  app.post(
    '/meetings/:id/discussion',
    {
      schema: {
        tags,
        summary:
          'Start the meeting’s follow-up discussion in its community (or get the one already started).',
        params: meetingParams,
        response: {
          200: dataOf(idSchema),
          201: dataOf(idSchema),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { meeting, community } = await loadVisibleMeeting(db(), actor, request.params.id);
      const existing = (await findMeetingExtras(db(), meeting.id, actor.id))?.discussionId;
      if (existing) return reply.status(200).send({ data: { id: existing } });
      const id = await startThread(app.deps, actor, community.slug, {
        kind: 'discussion',
        title: `Follow-up: ${meeting.title}`.slice(0, 200),
        body: `The follow-up discussion of ${meeting.title}: questions, notes and what happened next.`,
        mentions: [],
        meetingId: meeting.id,
      });
      return reply.status(201).send({ data: { id } });
    },
  );

  app.put(
    '/meetings/:id/roles',
    {
      schema: {
        tags,
        summary:
          'Give an activity role (facilitator, note-taker, host or the community’s own) to a member, volunteer (your own id) or leave it open (null).',
        params: meetingParams,
        body: roleAssignmentBody,
        response: { 200: dataOf(meetingSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await assignMeetingRole(app.deps, actor, request.params.id, request.body);
      return meetingPage(actor, request.params.id);
    },
  );

  app.get(
    '/meetings/:id/role-suggestions',
    {
      schema: {
        tags,
        summary: 'Rotation: for each role, members who have not taken it yet (or longest ago).',
        params: meetingParams,
        response: { 200: dataOf(z.array(roleSuggestionSchema)), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { community, membership } = await loadVisibleMeeting(db(), actor, request.params.id);
      enforce(maySeeRoleSuggestions(actor, membership));
      const roles = (await listActivityRoles(db(), community.id)).map((role) => role.name);
      const rows = await suggestRoleRotation(db(), community.id, request.params.id, roles);
      return {
        data: roles.map((role) => ({
          role,
          people: rows
            .filter((row) => row.role === role)
            .map((row) => ({
              ...presentPersonRef({ ...row, updatedAt: new Date(row.updatedAt).toISOString() }),
              lastTakenAt: row.lastTakenAt ? new Date(row.lastTakenAt).toISOString() : null,
            })),
        })),
      };
    },
  );

  app.put(
    '/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary:
          'The host records who came (members, whether or not they answered; someone already on it who has since left stays); replaces the list.',
        params: meetingParams,
        body: attendanceBody,
        response: { 200: dataOf(meetingSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await takeAttendance(app.deps, actor, request.params.id, request.body.userIds);
      return meetingPage(actor, request.params.id);
    },
  );

  app.put(
    '/meetings/:id/follow-up',
    {
      schema: {
        tags,
        summary: 'After the meeting: notes (Markdown), a recording link and follow-up actions.',
        params: meetingParams,
        body: followUpBody,
        response: { 200: dataOf(meetingSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await recordFollowUp(app.deps, actor, request.params.id, request.body);
      return meetingPage(actor, request.params.id);
    },
  );

  app.get(
    '/communities/:slug/activity-roles',
    {
      schema: {
        tags,
        summary: 'The community’s activity roles: facilitator, note-taker, host, and its own.',
        params: slugParams,
        response: { 200: dataOf(z.array(activityRoleSchema)), ...errorResponses },
      },
    },
    async (request) => {
      const { community } = await loadVisibleCommunity(db(), request.actor, request.params.slug);
      return { data: await listActivityRoles(db(), community.id) };
    },
  );

  app.post(
    '/communities/:slug/activity-roles',
    {
      schema: {
        tags,
        summary: 'Leaders add an activity role of their own.',
        params: slugParams,
        body: activityRoleBody,
        response: { 201: dataOf(activityRoleSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const role = await addActivityRole(
        app.deps,
        requireActor(request),
        request.params.slug,
        request.body.name,
      );
      return reply.status(201).send({ data: role });
    },
  );

  app.delete(
    '/communities/:slug/activity-roles/:id',
    {
      schema: {
        tags,
        summary: 'Leaders remove one of their own activity roles.',
        params: slugAndIdParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await removeActivityRole(app.deps, requireActor(request), request.params.slug, request.params.id);
      return { data: { ok: true as const } };
    },
  );
};
