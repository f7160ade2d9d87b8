import type { OpenPing, Ping } from '../../../common/contracts/pings.ts';
import { pingLimits } from '../../../common/contracts/pings.ts';
import { toCsv } from '../../../common/csv.ts';
import type { Actor } from '../../lib/actor.ts';
import { isCoordinator } from '../../lib/actor.ts';
import { isLeaderRole, type MembershipSubject } from '../../policies/communities.ts';
import { enforce, isAllowed } from '../../policies/decision.ts';
import { mayStartThread } from '../../policies/discussions.ts';
import {
  mayAnswerPing,
  mayExportPing,
  mayManagePing,
  type PingSubject,
  seesPingResults,
} from '../../policies/pings.ts';
import {
  listCommunityPings,
  listNamedPingAnswers,
  listOpenPingsFor,
  listOpenPingsForPerson,
  type PingRow,
  summarisePingAnswers,
} from '../../queries/pings.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { isPingOpen, loadVisiblePing, type VisiblePing } from './load-ping.ts';

const listLimit = 100;

/** Sees the response rate and every Ping of the community: its leaders (also suspended, reading) and coordinators. */
function overseesPings(actor: Actor, membership: MembershipSubject) {
  return isLeaderRole(membership?.role) || isCoordinator(actor);
}

/** A Ping as the API shows it to this actor: never who answered what. */
function presentPing(
  actor: Actor,
  found: Pick<VisiblePing, 'ping' | 'community' | 'membership' | 'subject'> & {
    answer: { choice: number | null; text: string | null } | null;
  },
): Ping {
  const { ping, community, membership, subject } = found;
  const oversees = overseesPings(actor, membership);
  const answerDecision = mayAnswerPing(actor, community, membership, subject);
  return {
    id: ping.id,
    communityId: ping.communityId,
    question: ping.question,
    kind: ping.kind,
    choices: ping.choices,
    audience: ping.audience,
    role: ping.audienceRole,
    resultsVisibility: ping.resultsVisibility,
    anonymous: ping.anonymous,
    opensAt: ping.opensAt.toISOString(),
    closesAt: (ping.closedAt ?? ping.closesAt).toISOString(),
    open: subject.open,
    threadId: ping.threadId,
    recipientCount: oversees ? ping.recipientCount : null,
    answerCount: oversees ? ping.answerCount : null,
    addressedToYou: subject.addressed,
    answered: subject.answered,
    // An anonymous answer is never stored with its person, so there is nothing to show back.
    yourAnswer: ping.anonymous || !subject.answered ? null : found.answer,
    abilities: {
      answer: isAllowed(answerDecision) && !subject.answered,
      changeAnswer: isAllowed(answerDecision) && subject.answered,
      manage: isAllowed(mayManagePing(actor, community, membership)),
      seeResults: seesPingResults(actor, community, membership, subject),
      discuss: isAllowed(mayStartThread(actor, community, membership, 'discussion')),
    },
  };
}

/** One Ping, for its recipients and those who manage it. */
export async function getPing(deps: ServiceDeps, actor: Actor, pingId: string): Promise<Ping> {
  const found = await loadVisiblePing(deps.database.db, actor, pingId);
  const answer = found.recipient ? { choice: found.recipient.choice, text: found.recipient.text } : null;
  return presentPing(actor, { ...found, answer });
}

/**
 * A community's Pings: for its leaders and the coordinators every Ping with its response rate; for a
 * member the open Pings sent to them (newest first, at most 100).
 */
export async function listPings(deps: ServiceDeps, actor: Actor, slug: string): Promise<Ping[]> {
  const { db } = deps.database;
  const { community, membership } = await loadVisibleCommunity(db, actor, slug);
  const subjectOf = (ping: PingRow, answeredAt: Date | null, addressed: boolean): PingSubject => ({
    open: isPingOpen(ping),
    anonymous: ping.anonymous,
    resultsVisibility: ping.resultsVisibility,
    addressed,
    answered: answeredAt !== null,
  });
  if (overseesPings(actor, membership)) {
    const rows = await listCommunityPings(db, community.id, actor.id, listLimit);
    // What a leader answered (to a Ping another leader sent) shows on the Ping itself.
    return rows.map(({ ping, addressed, answeredAt }) =>
      presentPing(actor, {
        ping,
        community,
        membership,
        subject: subjectOf(ping, answeredAt, addressed),
        answer: null,
      }),
    );
  }
  const rows = await listOpenPingsFor(db, community.id, actor.id, listLimit);
  return rows.map(({ ping, answeredAt, choice, text }) =>
    presentPing(actor, {
      ping,
      community,
      membership,
      subject: subjectOf(ping, answeredAt, true),
      answer: { choice, text },
    }),
  );
}

/**
 * The results: response rate, counts per choice, text answers. Hidden (shown: false) while the actor may
 * not see them yet. Anonymous: the results published every fifth answer, so nothing shows under five and
 * no single answer can be told from the change it makes.
 */
export async function getPingResults(deps: ServiceDeps, actor: Actor, pingId: string) {
  const { db } = deps.database;
  const { ping, community, membership, subject } = await loadVisiblePing(db, actor, pingId);
  const base = {
    recipientCount: ping.recipientCount,
    answerCount: ping.answerCount,
    responseRate: ping.recipientCount === 0 ? 0 : ping.answerCount / ping.recipientCount,
  };
  const hidden = { ...base, shown: false, countedAnswers: 0, choices: [], texts: [] };
  if (!seesPingResults(actor, community, membership, subject)) return hidden;
  const summary = ping.anonymous
    ? ping.snapshot
    : await summarisePingAnswers(db, ping.id, false, ping.choices.length);
  if (!summary || (ping.anonymous && summary.answers < pingLimits.anonymousBatch)) return hidden;
  return {
    ...base,
    shown: true,
    countedAnswers: summary.answers,
    choices: ping.choices.map((choice, index) => ({ choice, count: summary.counts[index] ?? 0 })),
    texts: summary.texts,
  };
}

/**
 * The answers as CSV for the leaders. Not anonymous: one row per person. Anonymous: only what was
 * answered, sorted by the answer (no names, no times, no order of arrival), and only the answers the
 * published results cover, so the file says no more than the results.
 */
export async function exportPingAnswers(deps: ServiceDeps, actor: Actor, pingId: string) {
  const { db } = deps.database;
  const { ping, membership } = await loadVisiblePing(db, actor, pingId);
  enforce(mayExportPing(actor, membership));
  const answerText = (row: { choice: number | null; text: string | null }) =>
    row.choice !== null ? (ping.choices[row.choice] ?? '') : (row.text ?? '');
  if (!ping.anonymous) {
    const rows = await listNamedPingAnswers(db, ping.id);
    return toCsv(
      ['name', 'email', 'answer', 'answered_at'],
      rows.map((row) => [row.displayName, row.email, answerText(row), row.answeredAt.toISOString()]),
    );
  }
  const published = ping.snapshot;
  if (!published || published.answers < pingLimits.anonymousBatch) return toCsv(['answer'], []);
  const rows =
    ping.kind === 'choice'
      ? ping.choices.flatMap((choice, index) =>
          Array.from({ length: published.counts[index] ?? 0 }, () => [choice]),
        )
      : published.texts.map((text) => [text]);
  return toCsv(['answer'], rows);
}

/** The open Pings sent to the actor in all their communities, for the home page (at most 100). */
export async function listMyOpenPings(deps: ServiceDeps, actor: Actor): Promise<OpenPing[]> {
  const rows = await listOpenPingsForPerson(deps.database.db, actor.id, listLimit);
  return rows.map(({ ping, communityName, communitySlug, answeredAt }) => ({
    id: ping.id,
    question: ping.question,
    kind: ping.kind,
    choices: ping.choices,
    anonymous: ping.anonymous,
    closesAt: ping.closesAt.toISOString(),
    answered: answeredAt !== null,
    community: { slug: communitySlug, name: communityName },
  }));
}
