import type { Locale } from '../../common/i18n/locales.ts';
import type { notifications } from '../db/schema/index.ts';
import { isMessageId, translate } from '../lib/i18n.ts';
import { type NotificationParams, paramsIn } from '../lib/notification-params.ts';

type NotificationRow = typeof notifications.$inferSelect;

/** A stored sentence in the reader's language: its message if it has one, else the text as stored. */
function text(locale: Locale, key: string | null, stored: string, params: NotificationParams | null) {
  return key && isMessageId(key) ? translate(locale, key, paramsIn(locale, params)) : stored;
}

/**
 * A notification as its reader sees it, in their language (`locale`). Rows written before notifications
 * kept message keys show their English text.
 */
export function presentNotification(row: NotificationRow, locale: Locale) {
  return {
    id: row.id,
    kind: row.kind,
    title: text(locale, row.titleKey, row.title, row.params),
    body: text(locale, row.bodyKey, row.body, row.params),
    url: row.url,
    read: row.readAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}
