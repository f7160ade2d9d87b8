import type { EmailChoice, NotificationKind } from '../../../common/enums.ts';
import type { Locale } from '../../../common/i18n/locales.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import type { Db } from '../../db/client.ts';
import { translator } from '../../lib/i18n.ts';
import { type NotificationParams, paramsIn } from '../../lib/notification-params.ts';
import { insertNotifications, listNotificationRecipients } from '../../queries/notifications.ts';
import { listProjectOnlyMemberIds } from '../../queries/projects.ts';
import { actionEmail } from '../mail/layout.ts';
import { letterWriter } from '../mail/letterhead.ts';
import type { Outbox } from '../unit-of-work.ts';
import { unsubscribeSigner } from './unsubscribe-link.ts';

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
  'community.ping': 'immediately',
  'community.kudos': 'immediately',
  // A badge is a small thing: in the app, and by email only for those who ask for it.
  'community.badge': 'off',
  'community.checkin': 'immediately',
  'mentoring.pairing': 'immediately',
  'project.activity': 'immediately',
  // Not an email of its own: how often the summary of the member's communities comes (#16 §3).
  'community.digest': 'weekly',
};

/**
 * A sentence of a notification: a `notify` catalog message and its parameters (names of things, kept as
 * they are), translated for each reader; or text as it is (a post's excerpt, a person's message).
 */
export type NotificationText = string | { id: MessageId; values?: NotificationParams };

/** A notification's sentence from the catalog: `phrase('notify.thread.reply', { name, thread })`. */
export function phrase(id: MessageId, values?: NotificationParams): NotificationText {
  return values ? { id, values } : { id };
}

function keyOf(text: NotificationText): MessageId | null {
  return typeof text === 'string' ? null : text.id;
}

function inLocale(
  translate: ReturnType<typeof translator>,
  text: NotificationText,
  params: NotificationParams,
) {
  return typeof text === 'string' ? text : translate._(text.id, paramsIn(translate.locale as Locale, params));
}

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: NotificationText;
  body: NotificationText;
  /** Where the notification leads, a path inside Copse. */
  url: string;
  /**
   * The community it comes from, if any: the member's choice for that community (immediately, daily,
   * weekly, off) then overrides their choice for the kind.
   */
  communityId?: string | undefined;
}

/**
 * The one way Copse tells someone something: an in-app notification and, if their preference for this
 * kind says so, an email in the outbox. Runs inside the caller's unit of work (`db` and its `outbox`),
 * which sends the email after the commit.
 */
export async function notifyUser(
  db: Db,
  outbox: Outbox,
  publicUrl: string,
  notification: NewNotification,
): Promise<void> {
  const { userId, ...rest } = notification;
  await notifyEach(db, outbox, publicUrl, [userId], rest);
}

/**
 * Tells several people the same thing (each once, never the person who acted), inside the caller's
 * unit of work (`db` and its `outbox`), in three statements whatever their number: the recipients with
 * their email choice for this kind (or for the notification's community), the in-app notifications (those
 * whose choice is daily or weekly marked for the digest) and the emails for those who want them at once
 * (sent, in one batch with the unit's other emails, after the commit).
 */
export async function notifyEach(
  db: Db,
  outbox: Outbox,
  publicUrl: string,
  userIds: Iterable<string>,
  notification: Omit<NewNotification, 'userId'>,
  options: { except?: string } = {},
): Promise<void> {
  let recipients = [...new Set(userIds)].filter((id) => id !== options.except);
  if (recipients.length === 0) return;
  // Partners (project-only guests, #18 §4) are told nothing of the community beyond their project.
  if (notification.communityId) {
    const partners = new Set(await listProjectOnlyMemberIds(db, notification.communityId, recipients));
    if (partners.size > 0) recipients = recipients.filter((id) => !partners.has(id));
    if (recipients.length === 0) return;
  }
  // The keys and parameters are translated for each reader; the English text stays for old readers.
  const params = {
    ...(typeof notification.title === 'string' ? {} : notification.title.values),
    ...(typeof notification.body === 'string' ? {} : notification.body.values),
  };
  const english = translator('en');
  const row = {
    kind: notification.kind,
    title: inLocale(english, notification.title, params),
    body: inLocale(english, notification.body, params),
    titleKey: keyOf(notification.title),
    bodyKey: keyOf(notification.body),
    params: Object.keys(params).length > 0 ? params : null,
    url: notification.url,
  };
  const people = await listNotificationRecipients(
    db,
    recipients,
    notification.kind,
    notification.communityId,
  );
  const choiceOf = new Map(
    people.map((person) => [person.id, person.choice ?? defaultEmailChoice[notification.kind]]),
  );
  // Daily or weekly: the notification waits for the member's digest (services/digests) instead.
  await insertNotifications(
    db,
    recipients.map((userId) => {
      const choice = choiceOf.get(userId);
      return {
        ...row,
        userId,
        communityId: notification.communityId ?? null,
        digest: choice === 'daily' || choice === 'weekly' ? choice : null,
      };
    }),
  );
  const wanting = people.filter((person) => choiceOf.get(person.id) === 'immediately');
  if (wanting.length === 0) return;
  const letterTo = await letterWriter(db);
  const unsubscribeToken = await unsubscribeSigner(db);
  await outbox.emails(
    await Promise.all(
      wanting.map(async (person) => {
        const letter = letterTo(person.language);
        const t = translator(letter.locale);
        const body = inLocale(t, notification.body, params);
        const unsubscribe = `${publicUrl}/unsubscribe/${unsubscribeToken(person.id, notification.kind)}`;
        const content = await actionEmail({
          letter,
          subject: inLocale(t, notification.title, params),
          greeting: t._('email.greeting.named', { name: person.displayName }),
          lines: body ? [body] : [],
          action: { label: t._('email.notification.action'), url: `${publicUrl}${notification.url}` },
          footer: [
            t._('email.notification.footer', { url: `${publicUrl}/settings/notifications` }),
            t._('email.notification.unsubscribe', { url: unsubscribe }),
            // From a community: its emails can be stopped as a whole too (#16 §3).
            ...(notification.communityId
              ? [
                  t._('email.notification.unsubscribeCommunity', {
                    url: `${publicUrl}/unsubscribe/${unsubscribeToken(person.id, `community:${notification.communityId}`)}`,
                  }),
                ]
              : []),
          ],
        });
        return {
          to: { address: person.email, userId: person.id },
          content: { ...content, headers: listHeaders(publicUrl, unsubscribe) },
        };
      }),
    ),
  );
}

/**
 * The mailing-list headers of a notification email (RFC 2369, 2919, 8058): mail programs show an
 * unsubscribe button that POSTs to the link, which stops this kind of email without signing in.
 */
export function listHeaders(publicUrl: string, unsubscribeUrl: string): Record<string, string> {
  return {
    'List-Id': `Copse notifications <notifications.${new URL(publicUrl).hostname}>`,
    'List-Unsubscribe': `<${unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
