import type {
  Audience,
  CommunityKind,
  JoinPolicy,
  MeetingFormat,
  Visibility,
} from '../../../common/enums.ts';
import { quoted } from '../../../common/plain-text.ts';

import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayProposeCommunity } from '../../policies/proposals.ts';
import { listCoordinatorIds } from '../../queries/coordinators.ts';
import { insertProposal, insertProposalLeaders } from '../../queries/proposal-steps.ts';
import { addProposalMessage } from '../../queries/proposals.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { checkCoLeaders, checkUnit, proposalUrl } from './proposal-steps.ts';

/** What a proposal says about the community it asks for. */
export interface ProposalFields {
  name: string;
  kind: CommunityKind;
  purpose: string;
  objectives: string;
  intendedMembers: string;
  meetingPlan: string;
  supportNeeded: string;
  topics: string[];
  unitId: string | null;
  audience: Audience;
  format: MeetingFormat;
  visibility: Visibility;
  joinPolicy: JoinPolicy;
}

export interface NewProposal extends ProposalFields {
  /** People invited to co-lead; the proposer is the leader. */
  coLeaderIds: string[];
}

/**
 * A member proposes a community. The named co-leaders are invited (each must accept) and the
 * coordinators hear of it; the conversation starts with the "submitted" step. Returns the proposal id.
 */
export async function submitProposal(deps: ServiceDeps, actor: Actor, input: NewProposal): Promise<string> {
  enforce(mayProposeCommunity(actor));
  const { coLeaderIds, ...fields } = input;
  return unitOfWork(deps, async (tx, outbox) => {
    await checkUnit(tx, fields.unitId);
    const coLeaders = await checkCoLeaders(tx, actor.id, coLeaderIds);
    const proposal = await insertProposal(tx, {
      ...fields,
      topics: [...new Set(fields.topics)],
      proposerId: actor.id,
    });
    if (!proposal) throw new Error('the proposal was not created');
    await insertProposalLeaders(
      tx,
      proposal.id,
      coLeaders.map((person) => person.id),
    );
    await addProposalMessage(tx, { proposalId: proposal.id, authorId: actor.id, event: 'submitted' });
    const url = proposalUrl(proposal.id);
    await notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      coLeaders.map((person) => person.id),
      {
        kind: 'community.invitation',
        title: phrase('notify.proposal.coLeadInvite.title', {
          name: actor.displayName,
          proposal: quoted(fields.name),
        }),
        body: phrase('notify.proposal.coLeadInvite.body'),
        url,
      },
    );
    await notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      await listCoordinatorIds(tx),
      {
        kind: 'community.proposal',
        title: phrase('notify.proposal.submitted.title', { proposal: fields.name }),
        body: phrase('notify.proposal.submitted.body', { name: actor.displayName, proposal: fields.name }),
        url,
      },
      { except: actor.id },
    );
    return proposal.id;
  });
}
