import { useLingui } from '@lingui/react';
import { Badge } from '@mantine/core';
import type { ProposalStatus } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import type { ProposalLeader, ProposalMessage } from '../../api/types.ts';

export const proposalStatusMessages: Record<ProposalStatus, MessageId> = {
  submitted: 'proposals.status.submitted',
  changes_requested: 'proposals.status.changesRequested',
  approved: 'proposals.status.approved',
  declined: 'proposals.status.declined',
  withdrawn: 'proposals.status.withdrawn',
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
  const { _ } = useLingui();
  return (
    <Badge
      color={statusColors[props.status]}
      variant={props.status === 'approved' ? 'filled' : 'light'}
      tt="none"
      styles={noShrink}
    >
      {_(proposalStatusMessages[props.status])}
    </Badge>
  );
}

export type LeadershipStatus = ProposalLeader['status'];

export const leadershipStatusMessages: Record<LeadershipStatus, MessageId> = {
  pending: 'proposals.leadershipStatus.pending',
  accepted: 'proposals.leadershipStatus.accepted',
  declined: 'proposals.leadershipStatus.declined',
  revoked: 'proposals.leadershipStatus.revoked',
};

const leadershipColors: Record<LeadershipStatus, string> = {
  pending: 'amber',
  accepted: 'forest',
  declined: 'red',
  revoked: 'gray',
};

/** A co-leader's answer to the invitation to lead. */
export function LeadershipBadge(props: { status: LeadershipStatus; label?: string }) {
  const { _ } = useLingui();
  return (
    <Badge color={leadershipColors[props.status]} variant="light" tt="none" styles={noShrink}>
      {props.label ?? _(leadershipStatusMessages[props.status])}
    </Badge>
  );
}

/** What each step of the conversation says, around the author's name (`<name/>`). */
export const proposalEventMessages: Record<ProposalMessage['event'], MessageId> = {
  comment: 'proposals.event.comment',
  submitted: 'proposals.event.submitted',
  resubmitted: 'proposals.event.resubmitted',
  changes_requested: 'proposals.event.changesRequested',
  approved: 'proposals.event.approved',
  declined: 'proposals.event.declined',
  withdrawn: 'proposals.event.withdrawn',
};
