import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { calendarFeeds } from '../../db/schema/index.ts';
import { findFeedToken } from '../../queries/meeting-feeds.ts';
import { newToken } from '../crypto.ts';

/** The address of a private calendar feed. */
export function feedUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/api/calendar/feeds/${token}.ics`;
}

/** A person's private feed address, or null when they have not made one. */
export async function readCalendarFeed(db: Db, publicUrl: string, userId: string): Promise<string | null> {
  const token = await findFeedToken(db, userId);
  return token ? feedUrl(publicUrl, token) : null;
}

/** Makes a new private feed address; the old one (if any) stops working at once. */
export async function resetCalendarFeed(db: Db, publicUrl: string, userId: string): Promise<string> {
  const token = newToken();
  await db
    .insert(calendarFeeds)
    .values({ userId, token })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { token, createdAt: new Date() } });
  return feedUrl(publicUrl, token);
}

/** Turns the private feed off. */
export async function revokeCalendarFeed(db: Db, userId: string): Promise<void> {
  await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
}
