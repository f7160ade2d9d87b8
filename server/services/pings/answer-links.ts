import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { hashToken } from '../../lib/crypto.ts';
import { isActiveMember } from '../../policies/communities.ts';
import { findCommunityForActor } from '../../queries/communities.ts';
import {
  findPing,
  findPingAnswerLink,
  findPingRecipient,
  markPingAnswerLinkUsed,
} from '../../queries/pings.ts';
import { findUserById } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { storePingAnswer } from './answer-ping.ts';
import { isPingOpen } from './load-ping.ts';

/**
 * The one-click answer links of a Ping's email. The token is 256 random bits; only its SHA-256 is
 * stored, with the recipient and the choice. It works once, until the Ping closes, for a recipient who
 * is still an active member. Opening it (GET) only says what it would do: the web page asks to confirm
 * and POSTs, so a mail scanner that opens links answers nothing.
 */
async function loadUsableLink(db: Db, token: string, options: { lock?: boolean } = {}) {
  const found = await findPingAnswerLink(db, hashToken(token), options);
  if (!found) throw new AppError('not_found', 'errors.pings.linkInvalid');
  const { link, ping } = found;
  if (link.usedAt) throw new AppError('conflict', 'errors.pings.linkUsed');
  if (!isPingOpen(ping)) throw new AppError('conflict', 'errors.pings.linkExpired');
  // A suspended account answers nothing, by link or otherwise.
  const person = await findUserById(db, link.userId);
  if (!person || person.suspendedAt) throw new AppError('forbidden', 'errors.pings.notAddressed');
  const place = await findCommunityForActor(db, ping.communityId, link.userId);
  if (!place) throw new AppError('not_found', 'errors.pings.linkInvalid');
  if (place.community.stage === 'archived') throw new AppError('forbidden', 'errors.communities.archived');
  if (!isActiveMember(place.membership)) throw new AppError('forbidden', 'errors.pings.notAddressed');
  const recipient = await findPingRecipient(db, ping.id, link.userId);
  if (!recipient) throw new AppError('not_found', 'errors.pings.linkInvalid');
  if (ping.anonymous && recipient.answeredAt) throw new AppError('conflict', 'errors.pings.anonymousFinal');
  return { link, ping, communityName: place.community.name };
}

/** What the link would answer (for the confirm page); changes nothing. */
export async function describeAnswerLink(deps: ServiceDeps, token: string) {
  const { link, ping, communityName } = await loadUsableLink(deps.database.db, token);
  return {
    question: ping.question,
    choice: ping.choices[link.choice] ?? '',
    communityName,
    anonymous: ping.anonymous,
    closesAt: ping.closesAt.toISOString(),
  };
}

/** Answers with the link's choice, without a session; the link is spent. */
export async function answerByLink(deps: ServiceDeps, token: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    // The Ping's lock first (as every answer takes it), then the link's row.
    const first = await findPingAnswerLink(tx, hashToken(token));
    if (!first) throw new AppError('not_found', 'errors.pings.linkInvalid');
    await findPing(tx, first.ping.id, { lock: first.ping.anonymous ? 'update' : 'share' });
    const { link, ping } = await loadUsableLink(tx, token, { lock: true });
    if (!ping.anonymous) await markPingAnswerLinkUsed(tx, link.tokenHash);
    await storePingAnswer(tx, ping, link.userId, { choice: link.choice, text: null });
  });
}
