import { pingLimits } from '../../../common/contracts/pings.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayManagePing } from '../../policies/pings.ts';
import { closePingNow, updatePingClosesAt } from '../../queries/pings.ts';
import type { ServiceDeps } from '../context.ts';
import { isPingOpen, loadVisiblePing } from './load-ping.ts';

/** Closes a Ping before its time (its answer links stop working with it). Closing twice is a 409. */
export async function closePing(deps: ServiceDeps, actor: Actor, pingId: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisiblePing(tx, actor, pingId, { lock: 'update' });
    enforce(mayManagePing(actor, community, membership));
    if (!(await closePingNow(tx, pingId))) throw new AppError('conflict', 'errors.pings.alreadyClosed');
  });
}

/**
 * Moves an open Ping's closing time later, at most 14 days after it opened (so a window is never
 * longer than one could have chosen when sending it).
 */
export async function extendPing(
  deps: ServiceDeps,
  actor: Actor,
  pingId: string,
  closesAtText: string,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { ping, community, membership } = await loadVisiblePing(tx, actor, pingId, { lock: 'update' });
    enforce(mayManagePing(actor, community, membership));
    if (!isPingOpen(ping)) throw new AppError('conflict', 'errors.pings.closed');
    const closesAt = new Date(closesAtText);
    if (closesAt.getTime() <= ping.closesAt.getTime())
      throw fieldError('closesAt', 'errors.pings.extendLater');
    const latest = ping.opensAt.getTime() + pingLimits.windowHoursMax * 3_600_000;
    if (closesAt.getTime() > latest) throw fieldError('closesAt', 'errors.pings.extendTooLong');
    await updatePingClosesAt(tx, pingId, closesAt);
  });
}
