import type { Actor } from '../lib/actor.ts';
import { isAllowed } from '../policies/decision.ts';
import {
  isProposer,
  mayAnswerLeadershipInvitation,
  mayCommentOnProposal,
  mayEditProposal,
  mayResubmitProposal,
  mayReviewProposal,
  mayWithdrawProposal,
} from '../policies/proposals.ts';
import type { ProposalDetailRow, ProposalListRow } from '../queries/proposals.ts';

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

/** A proposal in a list (the coordinators' queue, or mine). */
export function presentProposalSummary(row: ProposalListRow) {
  const { proposal } = row;
  return {
    id: proposal.id,
    name: proposal.name,
    kind: proposal.kind,
    purpose: proposal.purpose,
    status: proposal.status,
    proposer: { id: proposal.proposerId, displayName: row.proposerName },
    community: row.communitySlug ? { slug: row.communitySlug, name: row.communityName ?? '' } : null,
    myLeadership: row.myLeadership,
    createdAt: proposal.createdAt.toISOString(),
    updatedAt: proposal.updatedAt.toISOString(),
    decidedAt: iso(proposal.decidedAt),
  };
}

/**
 * A proposal's page: every field, the leadership team (the proposer as leader, then the named
 * co-leaders and their answers), the conversation, and what the viewer may do next.
 */
export function presentProposal(row: ProposalDetailRow, actor: Actor) {
  const { proposal } = row;
  const isNamedLeader = row.leaders.some((leader) => leader.id === actor.id);
  return {
    id: proposal.id,
    name: proposal.name,
    kind: proposal.kind,
    purpose: proposal.purpose,
    objectives: proposal.objectives,
    intendedMembers: proposal.intendedMembers,
    meetingPlan: proposal.meetingPlan,
    supportNeeded: proposal.supportNeeded,
    topics: proposal.topics,
    unit: proposal.unitId ? { id: proposal.unitId, name: row.unitName ?? '' } : null,
    audience: proposal.audience,
    format: proposal.format,
    visibility: proposal.visibility,
    joinPolicy: proposal.joinPolicy,
    status: proposal.status,
    proposer: { id: proposal.proposerId, displayName: row.proposerName },
    leaders: [
      {
        id: proposal.proposerId,
        displayName: row.proposerName,
        role: 'leader' as const,
        status: 'accepted' as const,
        respondedAt: proposal.createdAt.toISOString(),
      },
      ...row.leaders.map((leader) => ({
        id: leader.id,
        displayName: leader.displayName,
        role: 'co_leader' as const,
        status: leader.status,
        respondedAt: iso(leader.respondedAt),
      })),
    ],
    messages: row.messages.map((message) => ({
      id: message.id,
      event: message.event,
      body: message.body,
      author: message.authorId ? { id: message.authorId, displayName: message.authorName ?? '' } : null,
      createdAt: new Date(message.createdAt).toISOString(),
    })),
    community: row.communitySlug ? { slug: row.communitySlug, name: row.communityName ?? '' } : null,
    createdAt: proposal.createdAt.toISOString(),
    updatedAt: proposal.updatedAt.toISOString(),
    decidedAt: iso(proposal.decidedAt),
    can: {
      edit: isAllowed(mayEditProposal(actor, proposal)),
      resubmit: isAllowed(mayResubmitProposal(actor, proposal)),
      withdraw: isAllowed(mayWithdrawProposal(actor, proposal)),
      comment: isAllowed(mayCommentOnProposal(actor, proposal, isNamedLeader)),
      review: isAllowed(mayReviewProposal(actor, proposal)),
      answerLeadership: isAllowed(mayAnswerLeadershipInvitation(actor, proposal, isNamedLeader)),
      isProposer: isProposer(actor, proposal),
    },
  };
}
