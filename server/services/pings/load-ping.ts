import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { maySeePing, type PingSubject } from '../../policies/pings.ts';
import {
  findNamedPingToAnswer,
  findPing,
  findPingRecipient,
  type PingLock,
  type PingRow,
} from '../../queries/pings.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';

/** Whether a Ping takes answers now: not closed early, and before its closing time. */
export function isPingOpen(ping: Pick<PingRow, 'closedAt' | 'closesAt'>, now = Date.now()): boolean {
  return ping.closedAt === null && ping.closesAt.getTime() > now;
}

/**
 * A Ping and the actor's place in it, held as an answer holds it: named answers share the lock (fifty
 * members answering at once do not queue behind each other), anonymous ones take it alone, since every
 * fifth publishes the results and their count must be exact. One statement for a named Ping (the
 * common case); an anonymous one (never becomes named) is read again with its lock.
 */
async function findPingToAnswer(db: Db, pingId: string, actor: Actor | null) {
  const named = actor ? await findNamedPingToAnswer(db, pingId, actor.id) : undefined;
  if (named) return named;
  const ping = await findPing(db, pingId, { lock: 'update' });
  const recipient = ping && actor ? await findPingRecipient(db, ping.id, actor.id) : undefined;
  return { ping, recipient };
}

/**
 * Loads a Ping the actor may see, with its community, the actor's membership and place among its
 * recipients (404 for everyone else). `lock` holds the Ping's row first: `update` to close, extend or
 * start its discussion, `answer` to answer it (see `findPingToAnswer`).
 */
export async function loadVisiblePing(
  db: Db,
  actor: Actor | null,
  pingId: string,
  options: { lock?: PingLock | 'answer' } = {},
) {
  const found =
    options.lock === 'answer'
      ? await findPingToAnswer(db, pingId, actor)
      : { ping: await findPing(db, pingId, options.lock ? { lock: options.lock } : {}), recipient: null };
  const ping = found.ping;
  if (!ping) throw notFound('errors.notFound.ping');
  const { community, membership } = await loadVisibleCommunity(db, actor, ping.communityId);
  const recipient =
    found.recipient === null
      ? actor
        ? await findPingRecipient(db, ping.id, actor.id)
        : undefined
      : found.recipient;
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
