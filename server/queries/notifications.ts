import { and, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { EmailChoice, NotificationKind } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import {
  communityEmailPreferences,
  notificationPreferences,
  notifications,
  users,
} from '../db/schema/index.ts';
import { exactTimestamp, pageOf, rowsAfter } from './keyset.ts';

/** Writes in-app notifications (one row per recipient), in one statement. */
export async function insertNotifications(
  db: Db,
  rows: (typeof notifications.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await db.insert(notifications).values(rows);
}

/**
 * These people, suspended ones left out, with what they need for an email and their email choice: for
 * the community the notification comes from if they made one there, else for `kind` (null: they never
 * chose, the kind's default applies). One query.
 */
export async function listNotificationRecipients(
  db: Db,
  userIds: string[],
  kind: NotificationKind,
  communityId?: string | undefined,
) {
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      language: users.language,
      choice: communityId
        ? sql<EmailChoice | null>`coalesce(${communityEmailPreferences.email}, ${notificationPreferences.email})`
        : notificationPreferences.email,
    })
    .from(users)
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, kind)),
    )
    .leftJoin(
      communityEmailPreferences,
      and(
        eq(communityEmailPreferences.userId, users.id),
        communityId ? eq(communityEmailPreferences.communityId, communityId) : sql`false`,
      ),
    )
    .where(and(inArray(users.id, userIds), isNull(users.suspendedAt)));
}

export async function listNotifications(
  db: Db,
  userId: string,
  options: { unreadOnly?: boolean | undefined; cursor?: string | undefined; limit: number },
) {
  const rows = await db
    .select({ ...getTableColumns(notifications), cursorAt: exactTimestamp(notifications.createdAt) })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        options.unreadOnly ? isNull(notifications.readAt) : undefined,
        rowsAfter(notifications.createdAt, notifications.id, options.cursor),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit + 1);
  return pageOf(rows, options.limit, (row) => ({ at: row.cursorAt, id: row.id }));
}

/** Unread count for the navigation badge (a partial index keeps it cheap). */
export async function countUnreadNotifications(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.count ?? 0;
}

export async function markNotificationRead(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllNotificationsRead(db: Db, userId: string): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

export async function listNotificationPreferences(db: Db, userId: string) {
  return db
    .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
}

export async function upsertNotificationPreferences(
  db: Db,
  userId: string,
  preferences: { kind: string; email: EmailChoice }[],
): Promise<void> {
  if (preferences.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(preferences.map((p) => ({ userId, ...p })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { email: sql`excluded.email` },
    });
}

/** Writes in-app notifications that differ from person to person, in one statement. */
export async function insertNotificationRows(
  db: Db,
  rows: (typeof notifications.$inferInsert)[],
): Promise<void> {
  await db.insert(notifications).values(rows);
}

/** Turns off one person's per-kind choices that send digests (daily or weekly), in one statement. */
export async function turnOffDigestPreferences(db: Db, userId: string): Promise<void> {
  await db
    .update(notificationPreferences)
    .set({ email: 'off' })
    .where(
      and(
        eq(notificationPreferences.userId, userId),
        sql`${notificationPreferences.email} in ('daily', 'weekly')`,
      ),
    );
}
