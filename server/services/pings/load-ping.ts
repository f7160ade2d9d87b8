import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { maySeePing, type PingSubject } from '../../policies/pings.ts';
import { findPing, findPingRecipient, type PingLock, type PingRow } from '../../queries/pings.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';

/** Whether a Ping takes answers now: not closed early, and before its closing time. */
export function isPingOpen(ping: Pick<PingRow, 'closedAt' | 'closesAt'>, now = Date.now()): boolean {
  return ping.closedAt === null && ping.closesAt.getTime() > now;
}

/**
 * The lock an answer takes on its Ping: named answers share it (fifty members answering at once do not
 * queue behind each other); anonymous answers take it alone, since every fifth publishes the results
 * and their count must be exact. Whether a Ping is anonymous never changes, so it is read unlocked first.
 */
export async function answerLock(db: Db, pingId: string): Promise<PingLock> {
  return (await findPing(db, pingId))?.anonymous ? 'update' : 'share';
}

/**
 * Loads a Ping the actor may see, with its community, the actor's membership and place among its
 * recipients (404 for everyone else). `lock` holds the Ping's row first: `update` to close, extend or
 * start its discussion, `answer` to answer it (see `answerLock`).
 */
export async function loadVisiblePing(
  db: Db,
  actor: Actor | null,
  pingId: string,
  options: { lock?: PingLock | 'answer' } = {},
) {
  const lock = options.lock === 'answer' ? await answerLock(db, pingId) : options.lock;
  const ping = await findPing(db, pingId, lock ? { lock } : {});
  if (!ping) throw notFound('errors.notFound.ping');
  const { community, membership } = await loadVisibleCommunity(db, actor, ping.communityId);
  const recipient = actor ? await findPingRecipient(db, ping.id, actor.id) : undefined;
  const subject: PingSubject = {
    open: isPingOpen(ping),
    anonymous: ping.anonymous,
    resultsVisibility: ping.resultsVisibility,
    addressed: recipient !== undefined,
    answered: recipient?.answeredAt != null,
  };
  enforce(maySeePing(actor, membership, subject));
  return { ping, community, membership, recipient, subject };
}

export type VisiblePing = Awaited<ReturnType<typeof loadVisiblePing>>;
