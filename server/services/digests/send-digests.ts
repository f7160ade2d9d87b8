import { DateTime } from 'luxon';
import { type DigestFrequency, digestFrequencies } from '../../../common/enums.ts';
import type { Locale } from '../../../common/i18n/locales.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { translator } from '../../lib/i18n.ts';
import { paramsIn } from '../../lib/notification-params.ts';
import {
  claimDigests,
  type DigestItemRow,
  type DigestSection,
  digestSections,
  listDigestItems,
  listDigestMembersAt,
  listDigestReaders,
} from '../../queries/digests.ts';
import type { ServiceDeps } from '../context.ts';
import { type EmailListItem, type EmailPart, renderEmail } from '../mail/layout.ts';
import { type Letter, letterWriter } from '../mail/letterhead.ts';
import { unsubscribeSigner } from '../notifications/unsubscribe-link.ts';
import { type OutboxEmail, unitOfWork } from '../unit-of-work.ts';

/** The local hour digests go out at: the member's morning, in their profile's time zone. */
export const digestHour = 7;
/** Members per batch: each batch is a few statements and one transaction, whatever its size. */
const batchSize = 500;
/** Digests rendered and written to the outbox per statement. */
const writeSize = 100;
/** Items shown per section; the rest are counted ("and 3 more"). */
const perSection = 5;

const sectionHeadings: Record<DigestSection, MessageId> = {
  announcement: 'email.digest.section.announcement',
  notification: 'email.digest.section.notification',
  thread: 'email.digest.section.thread',
  resource: 'email.digest.section.resource',
  meeting: 'email.digest.section.meeting',
  ping: 'email.digest.section.ping',
  survey: 'email.digest.section.survey',
};

/** The period a digest belongs to, in the member's zone: their local day, or ISO week. */
export function digestPeriod(frequency: DigestFrequency, now: Date, zone: string): string {
  const local = DateTime.fromJSDate(now, { zone });
  const valid = local.isValid ? local : DateTime.fromJSDate(now, { zone: 'UTC' });
  return frequency === 'daily' ? (valid.toISODate() ?? '') : valid.toFormat("kkkk-'W'WW");
}

export interface DigestRun {
  /** Members whose local hour was the digest hour. */
  members: number;
  /** Digests written to the outbox (daily and weekly). */
  sent: number;
}

/**
 * The hourly digest job (#16 §3): for every member whose local time is 07:00, their daily digest (and on
 * their Monday their weekly one) with what is new since the last one and not yet seen; nothing when
 * nothing is new. Set-based in batches of members: per batch and frequency, one statement for the items,
 * one for the readers, one claiming the digests (a unique key per member, frequency and period, so a job
 * that runs twice sends once) and one writing the emails, in one unit of work.
 */
export async function sendDigests(
  deps: Pick<ServiceDeps, 'database' | 'jobs'>,
  publicUrl: string,
  now: Date = new Date(),
): Promise<DigestRun> {
  const { db } = deps.database;
  const letterTo = await letterWriter(db);
  const unsubscribeToken = await unsubscribeSigner(db);
  const run: DigestRun = { members: 0, sent: 0 };
  const due = await listDigestMembersAt(db, now, digestHour);
  run.members = due.length;
  for (let start = 0; start < due.length; start += batchSize) {
    const members = due.slice(start, start + batchSize);
    for (const frequency of digestFrequencies) {
      const ids = members.filter((m) => frequency === 'daily' || m.monday).map((m) => m.id);
      if (ids.length === 0) continue;
      run.sent += await sendBatch(deps, { publicUrl, letterTo, unsubscribeToken }, ids, frequency, now);
    }
  }
  return run;
}

interface Writers {
  publicUrl: string;
  letterTo: (language: string | null | undefined) => Letter;
  unsubscribeToken: Awaited<ReturnType<typeof unsubscribeSigner>>;
}

async function sendBatch(
  deps: Pick<ServiceDeps, 'database' | 'jobs'>,
  writers: Writers,
  ids: string[],
  frequency: DigestFrequency,
  now: Date,
): Promise<number> {
  return unitOfWork(deps, async (tx, outbox) => {
    const items = await listDigestItems(tx, ids, frequency, now, perSection);
    if (items.length === 0) return 0;
    const byMember = new Map<string, DigestItemRow[]>();
    for (const item of items) {
      const list = byMember.get(item.userId);
      if (list) list.push(item);
      else byMember.set(item.userId, [item]);
    }
    const readers = await listDigestReaders(tx, [...byMember.keys()]);
    const claims = readers.map((reader) => ({
      userId: reader.id,
      period: digestPeriod(frequency, now, reader.timeZone),
      items: countItems(byMember.get(reader.id) ?? []),
    }));
    const claimed = await claimDigests(tx, frequency, claims, now);
    // Rendered and written a hundred at a time: a thousand digests are some 25 MB of text.
    let sent = 0;
    let emails: OutboxEmail[] = [];
    for (const reader of readers) {
      if (!claimed.has(reader.id)) continue;
      emails.push(await digestEmail(writers, reader, frequency, byMember.get(reader.id) ?? []));
      if (emails.length === writeSize) {
        await outbox.emails(emails);
        sent += emails.length;
        emails = [];
      }
    }
    if (emails.length > 0) await outbox.emails(emails);
    return sent + emails.length;
  });
}

function countItems(items: DigestItemRow[]): number {
  const totals = new Map(items.map((item) => [item.section, item.total]));
  return [...totals.values()].reduce((sum, n) => sum + n, 0);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date and time in a reader's language and zone (one formatter per pair, kept for the run). */
function dateIn(locale: Locale, zone: string): Intl.DateTimeFormat {
  const key = `${locale} ${zone}`;
  let format = dateFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: zone });
    } catch {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' });
    }
    dateFormats.set(key, format);
  }
  return format;
}

/** An item's words in the reader's language: a notification's title from the catalog, else as written. */
function itemText(locale: Locale, item: DigestItemRow): string {
  if (!item.titleKey) return item.title;
  return translator(locale)._(item.titleKey as MessageId, paramsIn(locale, item.params));
}

/** One digest: a section per kind of news (its newest items and how many more), then the ways out. */
async function digestEmail(
  writers: Writers,
  reader: Awaited<ReturnType<typeof listDigestReaders>>[number],
  frequency: DigestFrequency,
  items: DigestItemRow[],
): Promise<OutboxEmail> {
  const { publicUrl } = writers;
  const letter = writers.letterTo(reader.language);
  const t = translator(letter.locale);
  const parts: EmailPart[] = [
    { kind: 'greeting', text: t._('email.greeting.named', { name: reader.displayName }) },
    {
      kind: 'paragraph',
      text: t._(frequency === 'daily' ? 'email.digest.introDaily' : 'email.digest.introWeekly'),
    },
  ];
  // The same page twice (a reply's notification and its thread) is listed once, in the first section.
  const shown = new Set<string>();
  const communities = new Map<string, string>();
  for (const section of digestSections) {
    const rows = items.filter((item) => item.section === section);
    if (rows.length === 0) continue;
    const list: EmailListItem[] = [];
    for (const item of rows) {
      if (item.communityId && item.community) communities.set(item.communityId, item.community);
      const page = item.url.split('#')[0] ?? item.url;
      if (shown.has(page)) continue;
      shown.add(page);
      // A meeting says when, in the reader's zone and language.
      const when = section === 'meeting' ? dateIn(letter.locale, reader.timeZone).format(item.at) : null;
      list.push({
        text: itemText(letter.locale, item),
        url: `${publicUrl}${item.url}`,
        detail: [item.community, when].filter(Boolean).join(' · ') || undefined,
      });
    }
    const more = (rows[0]?.total ?? 0) - rows.length;
    if (more > 0) list.push({ text: t._('email.digest.more', { count: more }), url: `${publicUrl}/` });
    if (list.length === 0) continue;
    parts.push({ kind: 'heading', text: t._(sectionHeadings[section]) }, { kind: 'list', items: list });
  }
  parts.push({ kind: 'button', label: t._('email.digest.open'), url: `${publicUrl}/` });
  const link = (scope: Parameters<Writers['unsubscribeToken']>[1]) =>
    `${publicUrl}/unsubscribe/${writers.unsubscribeToken(reader.id, scope)}`;
  const digestLink = link('digest');
  parts.push(
    { kind: 'paragraph', text: t._('email.digest.stopHeading') },
    {
      kind: 'list',
      items: [
        ...[...communities].map(([id, name]) => ({
          text: t._('email.digest.stopCommunity', { community: name }),
          url: link(`community:${id}`),
        })),
        { text: t._('email.digest.stopDigests'), url: digestLink },
        { text: t._('email.digest.stopAll'), url: link('all') },
      ],
    },
  );
  const content = await renderEmail({
    locale: letter.locale,
    subject: t._(frequency === 'daily' ? 'email.digest.subjectDaily' : 'email.digest.subjectWeekly', {
      institution: letter.institution,
    }),
    header: letter.institution,
    parts,
    footer: [t._('email.notification.footer', { url: `${publicUrl}/settings/notifications` })],
  });
  return {
    to: { address: reader.email, userId: reader.id },
    content: { ...content, headers: digestHeaders(publicUrl, digestLink) },
  };
}

/**
 * The mailing-list headers of a digest (RFC 2369, 2919, 8058): its own List-Id, and a one-click
 * unsubscribe that stops the digests (every daily or weekly choice) without signing in.
 */
export function digestHeaders(publicUrl: string, unsubscribeUrl: string): Record<string, string> {
  return {
    'List-Id': `Copse digest <digest.${new URL(publicUrl).hostname}>`,
    'List-Unsubscribe': `<${unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
