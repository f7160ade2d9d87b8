import { and, eq } from 'drizzle-orm';
import type { EmailChoice, NotificationKind } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { notificationPreferences, notifications, users } from '../../db/schema/index.ts';
import { queueEmail } from '../mail/outbox.ts';
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
  await db.insert(notifications).values(notification);
  const [recipient] = await db
    .select({
      email: users.email,
      displayName: users.displayName,
      suspendedAt: users.suspendedAt,
      choice: notificationPreferences.email,
    })
    .from(users)
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, notification.kind)),
    )
    .where(eq(users.id, notification.userId))
    .limit(1);
  if (!recipient || recipient.suspendedAt) return undefined;
  const choice = recipient.choice ?? defaultEmailChoice[notification.kind];
  if (choice === 'off') return undefined;
  return queueEmail(
    db,
    { address: recipient.email, userId: notification.userId },
    actionEmail({
      subject: notification.title,
      greeting: `Hello ${recipient.displayName},`,
      lines: notification.body ? [notification.body] : [],
      action: { label: 'Open in Copse', url: `${publicUrl}${notification.url}` },
      footer: `You get this email because of your notification settings: ${publicUrl}/settings/notifications`,
    }),
  );
}
