import type { Db } from '../../db/client.ts';
import { type NewNotification, notifyUser } from './notify.ts';

/**
 * Tells several people the same thing (each once, never the person who acted), inside the caller's
 * transaction; returns the outbox ids to dispatch after commit.
 */
export async function notifyEach(
  db: Db,
  publicUrl: string,
  userIds: Iterable<string>,
  notification: Omit<NewNotification, 'userId'>,
  options: { except?: string } = {},
): Promise<string[]> {
  const messageIds: string[] = [];
  for (const userId of new Set(userIds)) {
    if (userId === options.except) continue;
    const messageId = await notifyUser(db, publicUrl, { ...notification, userId });
    if (messageId) messageIds.push(messageId);
  }
  return messageIds;
}

/** The first lines of a message, for a notification's body. */
export function excerpt(text: string, length = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
