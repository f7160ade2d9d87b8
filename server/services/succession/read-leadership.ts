import type { Leadership, Succession } from '../../../common/contracts/succession.ts';
import { daysBetween, successionLimits } from '../../../common/contracts/succession.ts';
import { handoverKeys } from '../../../common/succession-enums.ts';
import type { Actor } from '../../lib/actor.ts';
import { isAllowed } from '../../policies/decision.ts';
import {
  handoverSide,
  mayAnswerNomination,
  mayCancelSuccession,
  mayCloseSuccession,
  mayDecideSuccession,
  mayNominate,
  mayObject,
  maySetTerm,
  mayStartSuccession,
  mayStepDown,
  mayVote,
} from '../../policies/succession.ts';
import { findDecisionProcess } from '../../queries/charters.ts';
import {
  listLeaderTerms,
  listNominatableMembers,
  listPastSuccessions,
  listPeopleNamed,
  loadSuccessionDetails,
} from '../../queries/succession.ts';
import type { ServiceDeps } from '../context.ts';
import { type LoadedLeadership, loadLeadership, todayUtc } from './load-succession.ts';

type PersonRef = { id: string; displayName: string };
const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/**
 * The Leadership tab (#18 §1): the decision process the charter names, the leaders' terms, the
 * succession under way with what the viewer may do in it, and the past ones. A vote's tally shows only
 * once it has closed; who voted for whom never.
 */
export async function getLeadership(deps: ServiceDeps, actor: Actor, slug: string): Promise<Leadership> {
  const db = deps.database.db;
  const loaded = await loadLeadership(db, actor, slug);
  const { community, membership, open } = loaded;
  const [decision, terms, past, candidates] = await Promise.all([
    findDecisionProcess(db, community.id),
    listLeaderTerms(db, community.id),
    listPastSuccessions(db, community.id, successionLimits.pastShown),
    listNominatableMembers(db, community.id, 500),
  ]);
  const named = new Set<string>();
  for (const row of past) for (const id of [row.outgoingId, row.successorId]) if (id) named.add(id);
  if (open)
    for (const id of [open.succession.outgoingId, open.succession.candidateId, open.succession.successorId])
      if (id) named.add(id);
  const people = new Map((await listPeopleNamed(db, [...named])).map((p) => [p.id, p]));
  const ref = (id: string | null): PersonRef | null => (id ? (people.get(id) ?? null) : null);
  const today = todayUtc();
  return {
    decision,
    terms: terms.map((row) => ({
      person: { id: row.id, displayName: row.displayName },
      role: row.role,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      renewable: row.renewable ?? true,
      endsInDays: row.endsOn ? daysBetween(today, row.endsOn) : null,
    })),
    current: open ? await presentOpen(deps, actor, loaded, ref) : null,
    past: past.map((row) => ({
      id: row.id,
      status: row.status,
      process: row.process,
      outgoing: ref(row.outgoingId),
      successor: ref(row.successorId),
      decidedAt: iso(row.decidedAt),
      handedOverAt: iso(row.handedOverAt),
    })),
    candidates,
    abilities: {
      start: isAllowed(mayStartSuccession(community, membership, open !== undefined)),
      stepDown: isAllowed(mayStepDown(community, membership)),
      setTerms: isAllowed(maySetTerm(actor, community, membership)),
    },
  };
}

async function presentOpen(
  deps: ServiceDeps,
  actor: Actor,
  loaded: LoadedLeadership,
  ref: (id: string | null) => PersonRef | null,
): Promise<Succession | null> {
  const { community, membership } = loaded;
  if (!loaded.open) return null;
  const { succession, subject } = loaded.open;
  const withTally = succession.tally !== null;
  const details = await loadSuccessionDetails(deps.database.db, succession.id, withTally);
  const items = new Map(details.items.map((item) => [item.key, item]));
  return {
    id: succession.id,
    status: succession.status,
    process: succession.process,
    periodDays: succession.periodDays,
    outgoing: ref(succession.outgoingId),
    outgoingRole: succession.outgoingRole,
    startedAt: succession.startedAt.toISOString(),
    closesAt: iso(succession.closesAt),
    candidate: ref(succession.candidateId),
    successor: ref(succession.successorId),
    decidedAt: iso(succession.decidedAt),
    nominations: details.nominations,
    objections: details.objections.map((row) => ({
      by: row.byId && row.byName ? { id: row.byId, displayName: row.byName } : null,
      reason: row.reason,
      createdAt: row.createdAt.toISOString(),
    })),
    votesCast: details.votesCast,
    tally: details.tally
      ? details.tally.map((row) => ({
          nominee: { id: row.id, displayName: row.displayName },
          votes: row.votes,
        }))
      : null,
    handover:
      details.items.length === 0
        ? null
        : {
            items: handoverKeys.map((key) => ({
              key,
              outgoingAt: iso(items.get(key)?.tickedByOutgoingAt ?? null),
              incomingAt: iso(items.get(key)?.tickedByIncomingAt ?? null),
            })),
            note: succession.handoverNote,
            handedOverAt: iso(succession.handedOverAt),
          },
    viewer: {
      nomination: subject.viewerNomination,
      voted: subject.viewerVoted,
      side: succession.status === 'decided' ? handoverSide(actor, subject) : null,
      nominate: isAllowed(mayNominate(community, membership, subject)),
      answer: isAllowed(mayAnswerNomination(community, membership, subject)),
      decide: isAllowed(mayDecideSuccession(actor, community, membership, subject)),
      object: isAllowed(mayObject(community, membership, subject)),
      vote: isAllowed(mayVote(community, membership, subject)),
      close: isAllowed(mayCloseSuccession(actor, community, membership, subject)),
      cancel: isAllowed(mayCancelSuccession(actor, community, membership, subject)),
    },
  };
}
