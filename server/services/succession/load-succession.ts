import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { maySeeLeadership, type SuccessionSubject } from '../../policies/succession.ts';
import type { CommunityForActor } from '../../queries/communities.ts';
import { findOpenSuccession, type SuccessionRow } from '../../queries/succession.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';

/** Today as YYYY-MM-DD (UTC), the day terms are compared with. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Adds `days` to a YYYY-MM-DD date. */
export function addDays(dayIso: string, days: number): string {
  return new Date(Date.parse(`${dayIso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface LoadedLeadership extends CommunityForActor {
  /** The succession under way (nominating, deciding or handing over), if any. */
  open:
    | {
        succession: SuccessionRow;
        subject: SuccessionSubject;
      }
    | undefined;
}

/** The policy's view of a succession for the viewer. */
export function successionSubject(
  row: NonNullable<Awaited<ReturnType<typeof findOpenSuccession>>>,
  now = new Date(),
): SuccessionSubject {
  const { succession } = row;
  return {
    status: succession.status,
    process: succession.process,
    outgoingId: succession.outgoingId,
    successorId: succession.successorId,
    periodOver: succession.closesAt !== null && succession.closesAt.getTime() <= now.getTime(),
    viewerNomination: row.viewerNomination,
    viewerVoted: row.viewerVoted,
    acceptedNominees: row.acceptedNominees,
  };
}

/**
 * Loads a community's leadership for someone who may see it (its members and the coordinators; 404
 * for everyone else) with its succession under way. With `lock` (inside a transaction) the community
 * row's lock is taken first, as every change to roles takes it, and everything is read after it.
 */
export async function loadLeadership(
  db: Db,
  actor: Actor,
  slug: string,
  options: { lock?: boolean } = {},
): Promise<LoadedLeadership> {
  const found = await loadVisibleCommunity(db, actor, slug, options);
  enforce(maySeeLeadership(actor, found.membership));
  const open = await findOpenSuccession(db, found.community.id, actor.id);
  return {
    ...found,
    open: open ? { succession: open.succession, subject: successionSubject(open) } : undefined,
  };
}

/** The succession under way, or 404 when there is none. */
export function requireOpen(loaded: LoadedLeadership): NonNullable<LoadedLeadership['open']> {
  if (!loaded.open) throw new AppError('not_found', 'succession.errors.noneOpen');
  return loaded.open;
}
