import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  notificationSchema,
  notificationsQuery,
  preferenceSchema,
  preferencesBody,
  unreadCountSchema,
} from '../../../common/contracts/notifications.ts';
import { dataOf, errorResponses, idParams, listOf, okBody } from '../../../common/contracts/shared.ts';
import { notificationKindMessages, notificationKinds } from '../../../common/enums.ts';
import { AppError } from '../../errors.ts';
import { translate } from '../../lib/i18n.ts';
import { requireActor } from '../../plugins/auth.ts';
import { readerLocale } from '../../plugins/reader-locale.ts';
import { presentNotification } from '../../presenters/notifications.ts';
import {
  countUnreadNotifications,
  listNotificationPreferences,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  upsertNotificationPreferences,
} from '../../queries/notifications.ts';
import { defaultEmailChoice } from '../../services/notifications/notify.ts';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notifications'];

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications, newest first.',
        querystring: notificationsQuery,
        response: { 200: listOf(notificationSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { page, nextCursor } = await listNotifications(app.deps.database.db, actor.id, {
        ...request.query,
        unreadOnly: request.query.unread === 'true',
      });
      const locale = await readerLocale(app, request);
      return { data: page.map((row) => presentNotification(row, locale)), nextCursor };
    },
  );

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags,
        summary: 'How many notifications you have not read.',
        response: { 200: dataOf(unreadCountSchema), ...errorResponses },
      },
    },
    async (request) => ({
      data: { count: await countUnreadNotifications(app.deps.database.db, requireActor(request).id) },
    }),
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one notification read.',
        params: idParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      const found = await markNotificationRead(
        app.deps.database.db,
        requireActor(request).id,
        request.params.id,
      );
      if (!found) throw new AppError('not_found', 'errors.notFound.notification');
      return { data: { ok: true as const } };
    },
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark every notification read.',
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await markAllNotificationsRead(app.deps.database.db, requireActor(request).id);
      return { data: { ok: true as const } };
    },
  );

  const presentPreferences = async (request: FastifyRequest, userId: string) => {
    const locale = await readerLocale(app, request);
    const saved = new Map(
      (await listNotificationPreferences(app.deps.database.db, userId)).map((p) => [p.kind, p.email]),
    );
    return notificationKinds.map((kind) => ({
      kind,
      label: translate(locale, notificationKindMessages[kind]),
      email: saved.get(kind) ?? defaultEmailChoice[kind],
    }));
  };

  app.get(
    '/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'Your email choice for each kind of notification.',
        response: { 200: dataOf(z.array(preferenceSchema)), ...errorResponses },
      },
    },
    async (request) => ({ data: await presentPreferences(request, requireActor(request).id) }),
  );

  app.put(
    '/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'Set your email choice (immediately or off) for some kinds of notification.',
        body: preferencesBody,
        response: { 200: dataOf(z.array(preferenceSchema)), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await upsertNotificationPreferences(app.deps.database.db, actor.id, request.body.preferences);
      return { data: await presentPreferences(request, actor.id) };
    },
  );
};
