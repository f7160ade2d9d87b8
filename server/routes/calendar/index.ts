import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import {
  communityFeedQuery,
  feedFileParams,
  feedUrlSchema,
  meetingCardSchema,
  meetingListQuery,
} from '../../../common/contracts/meetings.ts';
import { dataOf, errorResponses, listOf, okBody } from '../../../common/contracts/shared.ts';
import { AppError, notFound } from '../../errors.ts';
import { translate } from '../../lib/i18n.ts';
import { requireActor } from '../../plugins/auth.ts';
import { answerNotModified } from '../../plugins/conditional.ts';
import { readerLocale } from '../../plugins/reader-locale.ts';
import { presentMeetingCard } from '../../presenters/meetings.ts';
import { findFeedOwner, findSeriesByIds, listCommunityFeed } from '../../queries/meeting-feeds.ts';
import { listCalendar } from '../../queries/meetings.ts';
import { loadVisibleCommunity } from '../../services/communities/load-community.ts';
import {
  openMemberFeed,
  ownerLocale,
  readCalendarFeed,
  resetCalendarFeed,
  revokeCalendarFeed,
} from '../../services/meetings/calendar-feed.ts';
import { buildCalendarFile } from '../../services/meetings/calendar-file.ts';
import { feedCacheControl, sendCalendar } from '../calendar-reply.ts';

const tags = ['calendar'];

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  const publicUrl = () => app.deps.env.publicUrl;

  /** The series rows a feed's meetings belong to. */
  async function seriesOf(rows: { seriesId: string | null }[]) {
    return findSeriesByIds(db(), [...new Set(rows.flatMap((row) => (row.seriesId ? [row.seriesId] : [])))]);
  }

  app.get(
    '/calendar',
    {
      schema: {
        tags,
        summary:
          'Your calendar: meetings of your communities and the ones you answered; upcoming or past (with attendance).',
        querystring: meetingListQuery,
        response: { 200: listOf(meetingCardSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { rows, nextCursor } = await listCalendar(db(), requireActor(request), request.query);
      return { data: rows.map(presentMeetingCard), nextCursor };
    },
  );

  app.get(
    '/calendar/feed',
    {
      schema: {
        tags,
        summary: 'Your private calendar feed address (null until you make one).',
        response: { 200: dataOf(feedUrlSchema), ...errorResponses },
      },
    },
    async (request) => ({
      data: { url: await readCalendarFeed(db(), publicUrl(), requireActor(request).id) },
    }),
  );

  app.post(
    '/calendar/feed',
    {
      schema: {
        tags,
        summary: 'Make a new private feed address; the previous one stops working.',
        response: { 200: dataOf(feedUrlSchema), ...errorResponses },
      },
    },
    async (request) => ({
      data: { url: await resetCalendarFeed(db(), publicUrl(), requireActor(request).id) },
    }),
  );

  app.delete(
    '/calendar/feed',
    {
      schema: { tags, summary: 'Turn your private feed off.', response: { 200: okBody, ...errorResponses } },
    },
    async (request) => {
      await revokeCalendarFeed(db(), requireActor(request).id);
      return { data: { ok: true as const } };
    },
  );

  app.get(
    '/calendar/feeds/:file',
    {
      schema: {
        tags,
        summary:
          'A private iCalendar feed (the address from /calendar/feed): your communities’ meetings and your answers.',
        params: feedFileParams,
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const feed = await openMemberFeed(db(), publicUrl(), request.params.file.replace(/\.ics$/, ''));
      if (!feed) throw notFound('errors.notFound.calendarFeed');
      if (answerNotModified(request, reply, feed.etag, feedCacheControl)) return reply.code(304).send();
      return sendCalendar(reply, await feed.file(), 'copse.ics');
    },
  );

  app.get(
    '/communities/:slug/calendar.ics',
    {
      schema: {
        tags,
        summary:
          'A community’s iCalendar feed. Public communities need nothing; others take ?token= (your private feed token).',
        params: slugParams,
        querystring: communityFeedQuery,
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const viewer = request.query.token ? await findFeedOwner(db(), request.query.token) : request.actor;
      if (request.query.token && !viewer) throw new AppError('not_found', 'errors.notFound.calendarFeed');
      const { community } = await loadVisibleCommunity(db(), viewer ?? null, request.params.slug);
      const rows = await listCommunityFeed(db(), community.id);
      // A feed by token is its owner's, in their language; else the request's.
      const locale = request.query.token
        ? await ownerLocale(db(), viewer?.id)
        : await readerLocale(app, request);
      const text = buildCalendarFile({
        name: translate(locale, 'calendar.feed.communityName', { community: community.name }),
        locale,
        publicUrl: publicUrl(),
        meetings: rows,
        series: await seriesOf(rows),
      });
      return sendCalendar(reply, text, `${community.slug}.ics`);
    },
  );
};
