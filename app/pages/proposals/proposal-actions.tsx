import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiSend } from '../../api/client.ts';
import { keys, useSignedInMe } from '../../api/queries.ts';
import type { Proposal } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { LeadershipBadge } from './proposal-status.tsx';
import { StepDialog } from './step-dialog.tsx';

type StepPath =
  | 'resubmit'
  | 'withdraw'
  | 'approve'
  | 'request-changes'
  | 'decline'
  | 'leadership/accept'
  | 'leadership/decline';

/** Sends one step of a proposal and puts the answer (the updated proposal) in the cache. */
export function useProposalStep(id: string) {
  const queryClient = useQueryClient();
  return async (path: StepPath, body?: { message: string }): Promise<Proposal> => {
    const updated = await apiSend<Proposal>('POST', `/proposals/${id}/${path}`, body);
    queryClient.setQueryData(keys.proposal(id), updated);
    await queryClient.invalidateQueries({ queryKey: keys.proposals });
    return updated;
  };
}

type Dialog = 'approve' | 'request-changes' | 'decline' | null;

/** For coordinators while the proposal is open: approve, ask for changes, or decline with a reason. */
export function ReviewPanel(props: { proposal: Proposal; onDone: (notice: string) => void }) {
  const { proposal } = props;
  const step = useProposalStep(proposal.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const waiting = proposal.leaders.filter((leader) => leader.status === 'pending');
  const declined = proposal.leaders.filter((leader) => leader.status === 'declined');
  const teamReady = waiting.length === 0 && declined.length === 0;
  const names = (people: { displayName: string }[]) => people.map((p) => p.displayName).join(', ');

  return (
    <Card component="section" aria-labelledby="review-title">
      <Title order={2} size="h3" id="review-title" mb={4}>
        Your review
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Approve to open the community with its leaders and a charter from the template, ask the proposer for
        changes, or decline with a reason. Every step is emailed to the leadership team.
      </Text>
      {!teamReady ? (
        <Alert color="amber" variant="light" mb="md" id="approve-blocked" title="Not ready to approve">
          {waiting.length > 0 ? `${names(waiting)} has not answered the invitation to co-lead yet. ` : ''}
          {declined.length > 0
            ? `${names(declined)} declined to co-lead; the proposer can remove them from the team.`
            : ''}
        </Alert>
      ) : null}
      <Group gap="sm">
        <Button
          onClick={() => setDialog('approve')}
          disabled={!teamReady}
          aria-describedby={teamReady ? undefined : 'approve-blocked'}
        >
          Approve
        </Button>
        <Button variant="default" onClick={() => setDialog('request-changes')}>
          Ask for changes
        </Button>
        <Button variant="subtle" color="red" onClick={() => setDialog('decline')}>
          Decline
        </Button>
      </Group>
      <StepDialog
        opened={dialog === 'approve'}
        onClose={() => setDialog(null)}
        title={`Approve “${proposal.name}”?`}
        messageLabel="A note for the leaders (optional)"
        confirmLabel="Approve and open the community"
        onConfirm={async (message) => {
          const updated = await step('approve', { message });
          props.onDone(`Approved. “${updated.name}” is open, and its leaders are told.`);
          return updated;
        }}
      >
        The community opens at once with {names(proposal.leaders)} as its leaders and a charter drawn from the
        institution's template.
      </StepDialog>
      <StepDialog
        opened={dialog === 'request-changes'}
        onClose={() => setDialog(null)}
        title="Ask for changes"
        messageLabel="What should change?"
        messageDescription="The proposer reads this, edits the proposal and resubmits it."
        messageRequired
        confirmLabel="Ask for changes"
        onConfirm={async (message) => {
          const updated = await step('request-changes', { message });
          props.onDone('Changes are requested. The proposer is told by email.');
          return updated;
        }}
      />
      <StepDialog
        opened={dialog === 'decline'}
        onClose={() => setDialog(null)}
        title={`Decline “${proposal.name}”?`}
        messageLabel="Reason"
        messageDescription="Say why, and what the proposer could do instead. A declined proposal cannot be reopened."
        messageRequired
        confirmLabel="Decline the proposal"
        color="red"
        onConfirm={async (message) => {
          const updated = await step('decline', { message });
          props.onDone('The proposal is declined. The proposer is told by email.');
          return updated;
        }}
      />
    </Card>
  );
}

/** For the proposer while the proposal is open: edit, resubmit after changes were asked for, withdraw. */
export function ProposerPanel(props: { proposal: Proposal; onDone: (notice: string) => void }) {
  const { proposal } = props;
  const step = useProposalStep(proposal.id);
  const [dialog, setDialog] = useState<'resubmit' | 'withdraw' | null>(null);
  const lastRequest = [...proposal.messages].reverse().find((m) => m.event === 'changes_requested');

  return (
    <Card component="section" aria-labelledby="proposer-title">
      <Title order={2} size="h3" id="proposer-title" mb={4}>
        {proposal.can.resubmit ? 'Changes requested' : 'Your proposal'}
      </Title>
      {proposal.can.resubmit ? (
        <Stack gap="xs" mb="md">
          <Text size="sm">
            {lastRequest?.author?.displayName ?? 'A coordinator'} asked for changes. Edit the proposal, then
            resubmit it for review.
          </Text>
          {lastRequest?.body ? (
            <Text size="sm" className="quote">
              {lastRequest.body}
            </Text>
          ) : null}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mb="md">
          The coordinators will review it. You can still change it until they decide.
        </Text>
      )}
      <Group gap="sm">
        <Button
          component={Link}
          to={`/proposals/${proposal.id}/edit`}
          variant={proposal.can.resubmit ? 'light' : 'default'}
        >
          Edit the proposal
        </Button>
        {proposal.can.resubmit ? (
          <Button onClick={() => setDialog('resubmit')}>Resubmit for review</Button>
        ) : null}
        {proposal.can.withdraw ? (
          <Button variant="subtle" color="red" onClick={() => setDialog('withdraw')}>
            Withdraw
          </Button>
        ) : null}
      </Group>
      <StepDialog
        opened={dialog === 'resubmit'}
        onClose={() => setDialog(null)}
        title="Resubmit for review"
        messageLabel="What did you change? (optional)"
        confirmLabel="Resubmit"
        onConfirm={async (message) => {
          const updated = await step('resubmit', { message });
          props.onDone('Resubmitted. The coordinators are told.');
          return updated;
        }}
      >
        The coordinators are told that the proposal is ready for another look.
      </StepDialog>
      <StepDialog
        opened={dialog === 'withdraw'}
        onClose={() => setDialog(null)}
        title="Withdraw the proposal?"
        messageLabel="Why? (optional)"
        confirmLabel="Withdraw the proposal"
        color="red"
        onConfirm={async (message) => {
          const updated = await step('withdraw', { message });
          props.onDone('The proposal is withdrawn.');
          return updated;
        }}
      >
        A withdrawn proposal stays readable but cannot be reopened; you can propose again at any time.
      </StepDialog>
    </Card>
  );
}

/** For a person named as co-leader while the proposal is open: accept or decline (and change their mind). */
export function LeadershipAnswerPanel(props: { proposal: Proposal; onDone: (notice: string) => void }) {
  const { proposal } = props;
  const me = useSignedInMe();
  const step = useProposalStep(proposal.id);
  const form = useFormState();
  const mine = proposal.leaders.find((leader) => leader.id === me.id);
  const answer = async (path: 'leadership/accept' | 'leadership/decline') => {
    const updated = await form.run(() => step(path));
    if (updated)
      props.onDone(
        path === 'leadership/accept'
          ? `You accepted to co-lead “${proposal.name}”.`
          : `You declined to co-lead “${proposal.name}”.`,
      );
  };
  return (
    <Card component="section" aria-labelledby="leadership-answer-title">
      <Title order={2} size="h3" id="leadership-answer-title" mb={4}>
        Co-lead this community?
      </Title>
      <Stack gap="sm">
        <Text size="sm">
          {proposal.proposer.displayName} invites you to lead “{proposal.name}” with them. Leaders set up the
          charter, welcome members and plan meetings.
        </Text>
        {mine ? (
          <Group gap="xs">
            <Text size="sm">Your answer:</Text>
            <LeadershipBadge status={mine.status} />
          </Group>
        ) : null}
        <FormAlert message={form.message} />
        <Group gap="sm">
          {mine?.status !== 'accepted' ? (
            <Button onClick={() => void answer('leadership/accept')} loading={form.busy}>
              Accept to co-lead
            </Button>
          ) : null}
          {mine?.status !== 'declined' ? (
            <Button variant="default" onClick={() => void answer('leadership/decline')} disabled={form.busy}>
              Decline
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

/** What happened, once the proposal is closed: the community to visit, or why it ended. */
export function OutcomePanel(props: { proposal: Proposal }) {
  const { proposal } = props;
  const decision = [...proposal.messages]
    .reverse()
    .find((m) => m.event === 'approved' || m.event === 'declined' || m.event === 'withdrawn');
  if (proposal.status === 'approved') {
    return (
      <Alert color="forest" variant="light" title="Approved">
        <Stack gap="xs">
          <Text size="sm">
            {decision?.author?.displayName ?? 'A coordinator'} approved the proposal. The community is open.
          </Text>
          {proposal.community ? (
            <Anchor component={Link} to={`/communities/${proposal.community.slug}`} fw={600} c="forest.9">
              Go to {proposal.community.name}
            </Anchor>
          ) : null}
        </Stack>
      </Alert>
    );
  }
  if (proposal.status === 'declined') {
    return (
      <Alert color="red" variant="light" title="Declined">
        <Text size="sm">
          {decision?.author?.displayName ?? 'A coordinator'} declined the proposal
          {decision?.body ? ':' : '.'}
        </Text>
        {decision?.body ? (
          <Text size="sm" className="quote" mt="xs">
            {decision.body}
          </Text>
        ) : null}
      </Alert>
    );
  }
  if (proposal.status === 'withdrawn') {
    return (
      <Alert color="gray" variant="light" title="Withdrawn">
        <Text size="sm">{decision?.author?.displayName ?? 'The proposer'} withdrew the proposal.</Text>
      </Alert>
    );
  }
  return null;
}
