import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { maySeePing, type PingSubject } from '../../policies/pings.ts';
import { findPing, findPingRecipient, type PingRow } from '../../queries/pings.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';

/** Whether a Ping takes answers now: not closed early, and before its closing time. */
export function isPingOpen(ping: Pick<PingRow, 'closedAt' | 'closesAt'>, now = Date.now()): boolean {
  return ping.closedAt === null && ping.closesAt.getTime() > now;
}

/**
 * Loads a Ping the actor may see, with its community, the actor's membership and place among its
 * recipients (404 for everyone else). `lock` takes the Ping row's lock first (answers, closing).
 */
export async function loadVisiblePing(
  db: Db,
  actor: Actor | null,
  pingId: string,
  options: { lock?: boolean } = {},
) {
  const ping = await findPing(db, pingId, options);
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
