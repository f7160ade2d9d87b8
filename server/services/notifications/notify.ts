import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { EmailChoice, NotificationKind } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { notificationPreferences, notifications, users } from '../../db/schema/index.ts';
import { queueEmails } from '../mail/outbox.ts';
import { actionEmail } from '../mail/templates.ts';

/** The email choice a kind has until the member changes it. */
export const defaultEmailChoice: Record<NotificationKind, EmailChoice> = {
  'account.security': 'immediately',
  'account.role_changed': 'immediately',
  'admin.announcement': 'immediately',
  'community.proposal': 'immediately',
  'community.membership': 'immediately',
  'community.invitation': 'immediately',
  'community.update': 'off',
  'coordinator.contact': 'immediately',
  'meeting.reminder': 'immediately',
  'meeting.update': 'immediately',
  'discussion.reply': 'immediately',
  'discussion.mention': 'immediately',
  'discussion.report': 'immediately',
  'community.announcement': 'immediately',
};

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** Where the notification leads, a path inside Copse. */
  url: string;
}

/**
 * The one way Copse tells someone something: an in-app notification and, if their preference for this
 * kind says so, an email in the outbox. Runs inside the caller's transaction; returns the queued email's
 * id (if any) for the caller to dispatch after commit.
 */
export async function notifyUser(
  db: Db,
  publicUrl: string,
  notification: NewNotification,
): Promise<string | undefined> {
  const { userId, ...rest } = notification;
  const [messageId] = await notifyEach(db, publicUrl, [userId], rest);
  return messageId;
}

/**
 * Tells several people the same thing (each once, never the person who acted), inside the caller's
 * transaction, in three statements whatever their number: the in-app notifications, the recipients
 * with their email choice for this kind, and the emails for those who want them. Returns the outbox
 * ids to dispatch after commit.
 */
export async function notifyEach(
  db: Db,
  publicUrl: string,
  userIds: Iterable<string>,
  notification: Omit<NewNotification, 'userId'>,
  options: { except?: string } = {},
): Promise<string[]> {
  const recipients = [...new Set(userIds)].filter((id) => id !== options.except);
  if (recipients.length === 0) return [];
  await db.insert(notifications).values(recipients.map((userId) => ({ ...notification, userId })));
  const people = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      choice: notificationPreferences.email,
    })
    .from(users)
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, notification.kind)),
    )
    .where(and(inArray(users.id, recipients), isNull(users.suspendedAt)));
  const wanting = people.filter(
    (person) => (person.choice ?? defaultEmailChoice[notification.kind]) !== 'off',
  );
  return queueEmails(
    db,
    wanting.map((person) => ({
      to: { address: person.email, userId: person.id },
      content: actionEmail({
        subject: notification.title,
        greeting: `Hello ${person.displayName},`,
        lines: notification.body ? [notification.body] : [],
        action: { label: 'Open in Copse', url: `${publicUrl}${notification.url}` },
        footer: `You get this email because of your notification settings: ${publicUrl}/settings/notifications`,
      }),
    })),
  );
}
