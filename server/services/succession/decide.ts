import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayCloseSuccession, mayDecideSuccession, mayObject, mayVote } from '../../policies/succession.ts';
import { recordAudit } from '../../queries/audit.ts';
import {
  findMemberRole,
  listLeaderIds,
  listActiveMemberIds as listMemberIdsWithASay,
  updateMemberRole,
} from '../../queries/community-members.ts';
import {
  castVote,
  countVotes,
  deleteTerm,
  findNominationStatus,
  findTerm,
  insertHandoverItems,
  insertObjection,
  type SuccessionRow,
  updateSuccession,
  upsertTerm,
} from '../../queries/succession.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import type { Outbox } from '../unit-of-work.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { addDays, loadLeadership, requireOpen, todayUtc } from './load-succession.ts';

const day = 86_400_000;

interface CommunityRef {
  id: string;
  slug: string;
  name: string;
}

/** The successor must have accepted their nomination; 400 naming the field otherwise. */
async function requireAccepted(db: Db, successionId: string, successorId: string | undefined) {
  if (successorId === undefined) throw fieldError('successorId', 'succession.validation.chooseNominee');
  if ((await findNominationStatus(db, successionId, successorId)) !== 'accepted')
    throw fieldError('successorId', 'succession.validation.chooseNominee');
  return successorId;
}

/**
 * The leaders' step, by the process the succession runs under: consent: propose an accepted nominee,
 * and the objection period starts; vote: open the secret vote among the accepted nominees for the
 * voting period; leaders' decision: choose the successor, who leads at once.
 */
export async function decideSuccession(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  successorId: string | undefined,
): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const loaded = await loadLeadership(tx, actor, slug, { lock: true });
    const { community, membership } = loaded;
    const { succession, subject } = requireOpen(loaded);
    enforce(mayDecideSuccession(actor, community, membership, subject));
    const closesAt = new Date(Date.now() + succession.periodDays * day);
    const url = `/communities/${community.slug}/leadership`;
    if (succession.process === 'leaders') {
      const chosen = await requireAccepted(tx, succession.id, successorId);
      await applyDecision(tx, outbox, deps.env.publicUrl, community, succession, chosen, actor.id);
      return;
    }
    if (succession.process === 'consent') {
      const candidate = await requireAccepted(tx, succession.id, successorId);
      await updateSuccession(tx, succession.id, { status: 'deciding', candidateId: candidate, closesAt });
    } else {
      await updateSuccession(tx, succession.id, { status: 'deciding', closesAt });
    }
    await notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      await listMemberIdsWithASay(tx, community.id),
      {
        kind: 'community.membership',
        communityId: community.id,
        title: phrase(
          succession.process === 'consent'
            ? 'succession.notify.consent.title'
            : 'succession.notify.vote.title',
          { community: community.name },
        ),
        body: phrase('succession.notify.deciding.body', { days: succession.periodDays }),
        url,
      },
      { except: actor.id },
    );
  });
}

/** Under consent, a member objects to the proposed successor with a reason: nominating opens again. */
export async function objectToCandidate(deps: ServiceDeps, actor: Actor, slug: string, reason: string) {
  await unitOfWork(deps, async (tx, outbox) => {
    const loaded = await loadLeadership(tx, actor, slug, { lock: true });
    const { community, membership } = loaded;
    const { succession, subject } = requireOpen(loaded);
    enforce(mayObject(community, membership, subject));
    await insertObjection(tx, {
      successionId: succession.id,
      candidateId: succession.candidateId,
      userId: actor.id,
      reason,
    });
    await updateSuccession(tx, succession.id, { status: 'nominating', candidateId: null, closesAt: null });
    await notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      [
        ...(await listLeaderIds(tx, community.id)),
        ...(succession.candidateId ? [succession.candidateId] : []),
      ],
      {
        kind: 'community.membership',
        communityId: community.id,
        title: phrase('succession.notify.objection.title', { community: community.name }),
        body: reason,
        url: `/communities/${community.slug}/leadership`,
      },
      { except: actor.id },
    );
  });
}

/** One secret vote for an accepted nominee while the vote is open; a second is refused (409). */
export async function voteForSuccessor(deps: ServiceDeps, actor: Actor, slug: string, nomineeId: string) {
  await deps.database.db.transaction(async (tx) => {
    const loaded = await loadLeadership(tx, actor, slug);
    const { succession, subject } = requireOpen(loaded);
    enforce(mayVote(loaded.community, loaded.membership, subject));
    if ((await findNominationStatus(tx, succession.id, nomineeId)) !== 'accepted')
      throw fieldError('nomineeId', 'succession.validation.chooseNominee');
    if (!(await castVote(tx, succession.id, actor.id, nomineeId)))
      throw new AppError('conflict', 'succession.errors.votedAlready');
  });
}

/**
 * Closes an objection period or a vote whose time is up: under consent the proposed successor leads;
 * under a vote the accepted nominee with most votes (the earliest nominated on a tie), the tally kept
 * with the outcome; a vote nobody cast reopens nominating.
 */
export async function closeSuccession(deps: ServiceDeps, actor: Actor, slug: string): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const loaded = await loadLeadership(tx, actor, slug, { lock: true });
    const { succession, subject } = requireOpen(loaded);
    enforce(mayCloseSuccession(actor, loaded.community, loaded.membership, subject));
    await settle(tx, outbox, deps.env.publicUrl, loaded.community, succession, actor.id);
  });
}

/** Settles a succession whose period is over (under the community lock). */
export async function settle(
  tx: Db,
  outbox: Outbox,
  publicUrl: string,
  community: CommunityRef,
  succession: SuccessionRow,
  decidedBy: string | null,
): Promise<void> {
  if (succession.process === 'consent') {
    if (!succession.candidateId) return;
    await applyDecision(tx, outbox, publicUrl, community, succession, succession.candidateId, decidedBy);
    return;
  }
  const counts = await countVotes(tx, succession.id);
  const tally = counts.map((row) => ({ nomineeId: row.nomineeId, votes: row.votes }));
  const top = counts.reduce<(typeof counts)[number] | undefined>(
    (best, row) => (best === undefined || row.votes > best.votes ? row : best),
    undefined,
  );
  if (!top || top.votes === 0) {
    await updateSuccession(tx, succession.id, { status: 'nominating', closesAt: null, tally });
    return;
  }
  await updateSuccession(tx, succession.id, { tally });
  await applyDecision(tx, outbox, publicUrl, community, succession, top.nomineeId, decidedBy);
}

/**
 * The decision takes effect: the successor takes the outgoing leader's place (leader, or co-leader when
 * a co-leader stepped down), the outgoing leader keeps the role they chose, a term the outgoing leader
 * held passes on with its length, and the hand-over checklist opens. The successor gains the role before
 * the outgoing leader leaves it, so the community never lacks a leader.
 */
async function applyDecision(
  tx: Db,
  outbox: Outbox,
  publicUrl: string,
  community: CommunityRef,
  succession: SuccessionRow,
  successorId: string,
  decidedBy: string | null,
): Promise<void> {
  const successorRole = await findMemberRole(tx, community.id, successorId);
  if (successorRole === undefined || successorRole === 'guest')
    throw new AppError('conflict', 'succession.errors.successorGone');
  const outgoingRole = succession.outgoingId
    ? await findMemberRole(tx, community.id, succession.outgoingId)
    : undefined;
  const place = outgoingRole === 'co_leader' ? 'co_leader' : 'leader';
  const audit = { communityId: community.id, community: community.name, via: 'succession' };
  if (successorRole !== 'leader') {
    await updateMemberRole(tx, community.id, successorId, place);
    await recordAudit(tx, {
      actorId: decidedBy,
      action: 'community.member.role',
      subjectType: 'user',
      subjectId: successorId,
      data: { ...audit, from: successorRole, to: place },
    });
  }
  const today = todayUtc();
  if (succession.outgoingId && outgoingRole !== undefined) {
    if (outgoingRole === 'leader' || outgoingRole === 'co_leader') {
      await updateMemberRole(tx, community.id, succession.outgoingId, succession.outgoingRole);
      await recordAudit(tx, {
        actorId: decidedBy,
        action: 'community.member.role',
        subjectType: 'user',
        subjectId: succession.outgoingId,
        data: { ...audit, from: outgoingRole, to: succession.outgoingRole },
      });
    }
    const term = await findTerm(tx, community.id, succession.outgoingId);
    if (term) {
      const length = term.endsOn
        ? Math.max(1, Math.round((Date.parse(term.endsOn) - Date.parse(term.startsOn)) / day))
        : null;
      await upsertTerm(tx, {
        communityId: community.id,
        userId: successorId,
        startsOn: today,
        endsOn: length === null ? null : addDays(today, length),
        renewable: term.renewable,
        setBy: decidedBy,
      });
      await deleteTerm(tx, community.id, succession.outgoingId);
    }
  }
  await updateSuccession(tx, succession.id, {
    status: 'decided',
    successorId,
    candidateId: null,
    decidedAt: new Date(),
    decidedBy,
  });
  await insertHandoverItems(tx, succession.id);
  const everyone = await listMemberIdsWithASay(tx, community.id);
  await notifyEach(tx, outbox, publicUrl, everyone, {
    kind: 'community.membership',
    communityId: community.id,
    title: phrase('succession.notify.decided.title', { community: community.name }),
    body: phrase('succession.notify.decided.body', { process: succession.process }),
    url: `/communities/${community.slug}/leadership`,
  });
}
