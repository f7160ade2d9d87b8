import type { CreatePingInput } from '../../../common/contracts/pings.ts';
import { quoted } from '../../../common/plain-text.ts';
import type { Db } from '../../db/client.ts';
import { fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { hashToken, newToken } from '../../lib/crypto.ts';
import { translator } from '../../lib/i18n.ts';
import { enforce } from '../../policies/decision.ts';
import { mayCreatePing } from '../../policies/pings.ts';
import { insertNotifications, listNotificationRecipients } from '../../queries/notifications.ts';
import {
  insertPing,
  insertPingAnswerLinks,
  insertPingRecipients,
  type PingRow,
  updatePingRecipientCount,
} from '../../queries/pings.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { renderEmail } from '../mail/layout.ts';
import { letterWriter } from '../mail/letterhead.ts';
import { defaultEmailChoice, listHeaders } from '../notifications/notify.ts';
import { unsubscribeSigner } from '../notifications/unsubscribe-link.ts';
import type { Outbox } from '../unit-of-work.ts';
import { unitOfWork } from '../unit-of-work.ts';

const inactiveDays = 60;

/**
 * Sends a Ping: fixes its recipients (the audience as it is now), tells each in the app and, unless
 * they turned Pings off, by email; a question with choices gets one single-use answer link per choice
 * in each email. A Ping whose audience is empty is refused (naming `audience`), and nothing is written.
 */
export async function createPing(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: CreatePingInput,
): Promise<string> {
  return unitOfWork(deps, async (tx, outbox) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug);
    enforce(mayCreatePing(actor, community, membership));
    const now = Date.now();
    const ping = await insertPing(tx, {
      communityId: community.id,
      authorId: actor.id,
      question: input.question,
      kind: input.kind,
      choices: input.kind === 'choice' ? input.choices : [],
      audience: input.audience,
      audienceRole: input.audience === 'role' ? (input.role ?? null) : null,
      resultsVisibility: input.resultsVisibility,
      anonymous: input.anonymous,
      opensAt: new Date(now),
      closesAt: new Date(now + input.windowHours * 3_600_000),
    });
    const since = new Date(now - inactiveDays * 86_400_000);
    const recipients = await insertPingRecipients(tx, ping, since);
    if (recipients.length === 0) throw fieldError('audience', 'errors.pings.noRecipients');
    await updatePingRecipientCount(tx, ping.id, recipients.length);
    await tellRecipients(tx, outbox, deps.env.publicUrl, ping, recipients, {
      community: community.name,
      sender: actor.displayName,
    });
    return ping.id;
  });
}

/** The in-app notifications (one statement) and the emails with answer links (one statement each). */
async function tellRecipients(
  db: Db,
  outbox: Outbox,
  publicUrl: string,
  ping: PingRow,
  recipients: string[],
  names: { community: string; sender: string },
): Promise<void> {
  const url = `/pings/${ping.id}`;
  const english = translator('en');
  // The member's choice for this community, else for Pings: at once (with answer links), in the daily
  // or weekly digest (its Pings section), or in Copse only.
  const people = await listNotificationRecipients(db, recipients, 'community.ping', ping.communityId);
  const choiceOf = new Map(
    people.map((person) => [person.id, person.choice ?? defaultEmailChoice['community.ping']]),
  );
  await insertNotifications(
    db,
    recipients.map((userId) => {
      const choice = choiceOf.get(userId);
      return {
        userId,
        kind: 'community.ping',
        title: english._('notify.ping.title', { community: names.community }),
        body: ping.question,
        titleKey: 'notify.ping.title',
        bodyKey: null,
        params: { community: names.community },
        url,
        communityId: ping.communityId,
        digest: choice === 'daily' || choice === 'weekly' ? choice : null,
      };
    }),
  );
  const wanting = people.filter((p) => choiceOf.get(p.id) === 'immediately');
  if (wanting.length === 0) return;
  const links: { tokenHash: string; userId: string; choice: number }[] = [];
  const letterTo = await letterWriter(db);
  const unsubscribeToken = await unsubscribeSigner(db);
  const emails = await Promise.all(
    wanting.map(async (person) => {
      const letter = letterTo(person.language);
      const t = translator(letter.locale);
      const unsubscribe = `${publicUrl}/unsubscribe/${unsubscribeToken(person.id, 'community.ping')}`;
      const choiceLinks = ping.choices.map((choice, index) => {
        const token = newToken();
        links.push({ tokenHash: hashToken(token), userId: person.id, choice: index });
        return { text: choice, url: `${publicUrl}/pings/answer/${token}` };
      });
      const closes = new Intl.DateTimeFormat(letter.locale, {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'UTC',
      }).format(ping.closesAt);
      const content = await renderEmail({
        locale: letter.locale,
        subject: t._('notify.ping.title', { community: names.community }),
        header: letter.institution,
        parts: [
          { kind: 'greeting', text: t._('email.greeting.named', { name: person.displayName }) },
          {
            kind: 'paragraph',
            text: t._('email.ping.intro', { name: names.sender, community: names.community }),
          },
          { kind: 'heading', text: quoted(ping.question, 300) },
          ...(choiceLinks.length > 0
            ? [
                { kind: 'paragraph' as const, text: t._('email.ping.choose') },
                { kind: 'list' as const, items: choiceLinks },
              ]
            : [{ kind: 'button' as const, label: t._('email.ping.open'), url: `${publicUrl}${url}` }]),
          ...(ping.anonymous ? [{ kind: 'paragraph' as const, text: t._('email.ping.anonymous') }] : []),
          { kind: 'paragraph', text: t._('email.ping.closes', { closes: `${closes} UTC` }) },
        ],
        footer: [
          t._('email.notification.footer', { url: `${publicUrl}/settings/notifications` }),
          t._('email.notification.unsubscribe', { url: unsubscribe }),
          t._('email.notification.unsubscribeCommunity', {
            url: `${publicUrl}/unsubscribe/${unsubscribeToken(person.id, `community:${ping.communityId}`)}`,
          }),
        ],
      });
      return {
        to: { address: person.email, userId: person.id },
        content: { ...content, headers: listHeaders(publicUrl, unsubscribe) },
      };
    }),
  );
  await insertPingAnswerLinks(db, ping.id, links);
  await outbox.emails(emails);
}
