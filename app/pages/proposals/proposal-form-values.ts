import { z } from 'zod';
import type {
  Audience,
  CommunityKind,
  JoinPolicy,
  MeetingFormat,
  Visibility,
} from '../../../common/enums.ts';
import {
  audienceField,
  coLeaderIdsField,
  communityKindField,
  communityNameField,
  joinPolicyField,
  meetingFormatField,
  proposalTextField,
  purposeField,
  tagListField,
  uuidField,
  visibilityField,
} from '../../../common/fields.ts';
import type { Proposal } from '../../api/types.ts';
import type { PickedPerson } from '../../components/people-picker.tsx';

/** The same rules as POST /api/proposals (common/fields.ts), checked before sending. */
export const proposalBodySchema = z.object({
  name: communityNameField,
  kind: communityKindField,
  purpose: purposeField,
  objectives: proposalTextField,
  intendedMembers: proposalTextField,
  meetingPlan: proposalTextField,
  supportNeeded: proposalTextField,
  topics: tagListField,
  unitId: uuidField.nullable(),
  audience: audienceField,
  format: meetingFormatField,
  visibility: visibilityField,
  joinPolicy: joinPolicyField,
  coLeaderIds: coLeaderIdsField,
});
export type ProposalBody = z.output<typeof proposalBodySchema>;

// A type, not an interface: a form's values must be a plain record (useApiForm).
export type ProposalFormValues = {
  name: string;
  kind: CommunityKind;
  purpose: string;
  objectives: string;
  intendedMembers: string;
  meetingPlan: string;
  supportNeeded: string;
  topics: string[];
  unitId: string;
  audience: Audience;
  format: MeetingFormat;
  visibility: Visibility;
  joinPolicy: JoinPolicy;
  coLeaders: PickedPerson[];
};

export const emptyProposal: ProposalFormValues = {
  name: '',
  kind: 'community_of_practice',
  purpose: '',
  objectives: '',
  intendedMembers: '',
  meetingPlan: '',
  supportNeeded: '',
  topics: [],
  unitId: '',
  audience: 'everyone',
  format: 'hybrid',
  visibility: 'institution',
  joinPolicy: 'open',
  coLeaders: [],
};

/** The form's values for an existing proposal (co-leaders who were removed are left out). */
export function proposalValues(proposal: Proposal): ProposalFormValues {
  return {
    name: proposal.name,
    kind: proposal.kind,
    purpose: proposal.purpose,
    objectives: proposal.objectives,
    intendedMembers: proposal.intendedMembers,
    meetingPlan: proposal.meetingPlan,
    supportNeeded: proposal.supportNeeded,
    topics: proposal.topics,
    unitId: proposal.unit?.id ?? '',
    audience: proposal.audience,
    format: proposal.format,
    visibility: proposal.visibility,
    joinPolicy: proposal.joinPolicy,
    coLeaders: proposal.leaders
      .filter((leader) => leader.role === 'co_leader' && leader.status !== 'revoked')
      .map((leader) => ({ id: leader.id, displayName: leader.displayName })),
  };
}

/** The API body for the form's values. */
export function toBody(values: ProposalFormValues) {
  const { coLeaders, ...rest } = values;
  return { ...rest, unitId: values.unitId || null, coLeaderIds: coLeaders.map((person) => person.id) };
}

/** The form's values checked as their API body, so field errors name the body's fields (coLeaderIds). */
export const proposalFormSchema = z.custom<ProposalFormValues>().transform(toBody).pipe(proposalBodySchema);
