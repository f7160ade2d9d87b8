import { Badge } from '@mantine/core';
import type { ProposalStatus } from '../../../common/enums.ts';
import type { ProposalLeader, ProposalMessage } from '../../api/types.ts';

export const proposalStatusLabels: Record<ProposalStatus, string> = {
  submitted: 'Waiting for review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

/** Theme colours that keep AA contrast as light badges (see app/theme.ts). */
const statusColors: Record<ProposalStatus, string> = {
  submitted: 'forest',
  changes_requested: 'amber',
  approved: 'forest',
  declined: 'red',
  withdrawn: 'gray',
};

/** Badges keep their full words, however narrow the column. */
const noShrink = { root: { flexShrink: 0 }, label: { overflow: 'visible' } } as const;

/** A proposal's status as a badge; approved is filled, the others light. */
export function ProposalStatusBadge(props: { status: ProposalStatus }) {
  return (
    <Badge
      color={statusColors[props.status]}
      variant={props.status === 'approved' ? 'filled' : 'light'}
      tt="none"
      styles={noShrink}
    >
      {proposalStatusLabels[props.status]}
    </Badge>
  );
}

export type LeadershipStatus = ProposalLeader['status'];

export const leadershipStatusLabels: Record<LeadershipStatus, string> = {
  pending: 'Not answered yet',
  accepted: 'Accepted',
  declined: 'Declined',
  revoked: 'Removed',
};

const leadershipColors: Record<LeadershipStatus, string> = {
  pending: 'amber',
  accepted: 'forest',
  declined: 'red',
  revoked: 'gray',
};

/** A co-leader's answer to the invitation to lead. */
export function LeadershipBadge(props: { status: LeadershipStatus; label?: string }) {
  return (
    <Badge color={leadershipColors[props.status]} variant="light" tt="none" styles={noShrink}>
      {props.label ?? leadershipStatusLabels[props.status]}
    </Badge>
  );
}

/** What each step of the conversation says, after the author's name. */
export const proposalEventLabels: Record<ProposalMessage['event'], string> = {
  comment: 'wrote',
  submitted: 'submitted the proposal',
  resubmitted: 'resubmitted the proposal',
  changes_requested: 'asked for changes',
  approved: 'approved the proposal',
  declined: 'declined the proposal',
  withdrawn: 'withdrew the proposal',
};
