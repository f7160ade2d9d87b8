import { hash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Locale } from '../../../common/i18n/locales.ts';
import type { Db } from '../../db/client.ts';
import { newToken } from '../../lib/crypto.ts';
import { recipientLocale, translate } from '../../lib/i18n.ts';
import { findCircleFeedVersion, listCircleFeedMeetings } from '../../queries/circle-calendar.ts';
import { findLanguages } from '../../queries/languages.ts';
import {
  deleteFeedToken,
  findFeedOwner,
  findFeedToken,
  findMemberFeedVersion,
  findSeriesByIds,
  listMemberFeed,
  upsertFeedToken,
} from '../../queries/meeting-feeds.ts';
import { buildCalendarFile } from './calendar-file.ts';

/** The address of a private calendar feed. */
export function feedUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/api/calendar/feeds/${token}.ics`;
}

/** A person's private feed address, or null when they have not made one. */
export async function readCalendarFeed(db: Db, publicUrl: string, userId: string): Promise<string | null> {
  const token = await findFeedToken(db, userId);
  return token ? feedUrl(publicUrl, token) : null;
}

/** The language of a feed's own words: its owner's profile language, else the institution's default. */
export async function ownerLocale(db: Db, ownerId: string | undefined): Promise<Locale> {
  const { memberLanguage, institutionDefault } = await findLanguages(db, ownerId);
  return recipientLocale(memberLanguage, institutionDefault);
}

/** Makes a new private feed address; the old one (if any) stops working at once. */
export async function resetCalendarFeed(db: Db, publicUrl: string, userId: string): Promise<string> {
  const token = newToken();
  await upsertFeedToken(db, userId, token);
  return feedUrl(publicUrl, token);
}

/** Turns the private feed off. */
export async function revokeCalendarFeed(db: Db, userId: string): Promise<void> {
  await deleteFeedToken(db, userId);
}

/**
 * Member feeds as written, by ETag (a hash of the feed's version, its name and the address), as bytes:
 * a calendar app polls a feed far more often than it changes, and a 130 KB file costs Node more to
 * turn from text into bytes again than to look up. Bounded by size; the oldest go first.
 */
const feedFiles = new LRUCache<string, Buffer>({
  maxSize: 32 * 2 ** 20,
  sizeCalculation: (file) => Math.max(1, file.length),
});

export interface MemberFeed {
  etag: string;
  /** The file's bytes, written (or found) on demand: a 304 never needs them. */
  file(): Promise<Buffer>;
}

/**
 * A member's private feed by its token, or undefined for an unknown token or a suspended owner. Two
 * queries (the owner, then the feed's version hashed in PostgreSQL, see `findMemberFeedVersion`)
 * give the ETag; only a client without the current file costs the rows and the writing.
 */
export async function openMemberFeed(
  db: Db,
  publicUrl: string,
  token: string,
): Promise<MemberFeed | undefined> {
  const owner = await findFeedOwner(db, token);
  if (!owner) return undefined;
  const locale = await ownerLocale(db, owner.id);
  const name = translate(locale, 'calendar.feed.memberName', { name: owner.displayName });
  // The community meetings and the meetings of the owner's circles (#18 §3).
  const version = `${await findMemberFeedVersion(db, owner)}:${await findCircleFeedVersion(db, owner.id)}`;
  const etag = `"${hash('sha1', `${version}\n${name}\n${locale}\n${publicUrl}`, 'base64url')}"`;
  return {
    etag,
    async file() {
      const known = feedFiles.get(etag);
      if (known) return known;
      const rows = await listMemberFeed(db, owner);
      const seriesIds = [...new Set(rows.flatMap((row) => (row.seriesId ? [row.seriesId] : [])))];
      const text = buildCalendarFile({
        name,
        locale,
        publicUrl,
        meetings: rows,
        series: await findSeriesByIds(db, seriesIds),
        withAnswers: true,
        circleMeetings: await listCircleFeedMeetings(db, owner.id),
      });
      const file = Buffer.from(text);
      feedFiles.set(etag, file);
      return file;
    },
  };
}
