import type { useLingui } from '@lingui/react';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import type {
  DecisionProcess,
  HandoverKey,
  NominationStatus,
  SuccessionStatus,
} from '../../../common/succession-enums.ts';

export const processLabels: Record<DecisionProcess, MessageId> = {
  consent: 'succession.process.consent',
  vote: 'succession.process.vote',
  leaders: 'succession.process.leaders',
};

export const statusLabels: Record<SuccessionStatus, MessageId> = {
  nominating: 'succession.status.nominating',
  deciding: 'succession.status.deciding',
  decided: 'succession.status.decided',
  handed_over: 'succession.status.handed_over',
  cancelled: 'succession.status.cancelled',
};

export const nominationStatusLabels: Record<NominationStatus, MessageId> = {
  pending: 'succession.nomination.pending',
  accepted: 'succession.nomination.accepted',
  declined: 'succession.nomination.declined',
};

export const handoverLabels: Record<HandoverKey, MessageId> = {
  access_and_roles: 'succession.handover.access_and_roles',
  upcoming_meetings: 'succession.handover.upcoming_meetings',
  open_action_items: 'succession.handover.open_action_items',
  toolkit_curation: 'succession.handover.toolkit_curation',
  contacts_and_partners: 'succession.handover.contacts_and_partners',
  outgoing_note: 'succession.handover.outgoing_note',
};

/** "The charter: a new leader is chosen by consent; members have 7 days to object." */
export function decisionText(
  _: ReturnType<typeof useLingui>['_'],
  decision: { process: DecisionProcess; objectionDays: number; votingDays: number },
): string {
  if (decision.process === 'consent')
    return _('succession.decision.consent', { days: decision.objectionDays });
  if (decision.process === 'vote') return _('succession.decision.vote', { days: decision.votingDays });
  return _('succession.decision.leaders');
}
