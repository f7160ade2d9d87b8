import { useLingui } from '@lingui/react';
import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useProposalStepMutation } from '../../api/proposals.ts';
import { useSignedInMe } from '../../api/queries.ts';
import type { Proposal } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { LeadershipBadge } from './proposal-status.tsx';
import { StepDialog } from './step-dialog.tsx';

type Dialog = 'approve' | 'request-changes' | 'decline' | null;

/** For coordinators while the proposal is open: approve, ask for changes, or decline with a reason. */
export function ReviewPanel(props: { proposal: Proposal; onDone: (notice: string) => void }) {
  const { _ } = useLingui();
  const { proposal } = props;
  const step = useProposalStepMutation(proposal.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const waiting = proposal.leaders.filter((leader) => leader.status === 'pending');
  const declined = proposal.leaders.filter((leader) => leader.status === 'declined');
  const teamReady = waiting.length === 0 && declined.length === 0;
  const names = (people: { displayName: string }[]) => people.map((p) => p.displayName).join(', ');

  return (
    <Card component="section" aria-labelledby="review-title">
      <Title order={2} size="h3" id="review-title" mb={4}>
        {_('proposals.review.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {_('proposals.review.intro')}
      </Text>
      {!teamReady ? (
        <Alert
          color="amber"
          variant="light"
          mb="md"
          id="approve-blocked"
          title={_('proposals.review.notReady')}
        >
          {waiting.length > 0 ? `${_('proposals.review.waiting', { names: names(waiting) })} ` : ''}
          {declined.length > 0 ? _('proposals.review.declined', { names: names(declined) }) : ''}
        </Alert>
      ) : null}
      <Group gap="sm">
        <Button
          onClick={() => setDialog('approve')}
          disabled={!teamReady}
          aria-describedby={teamReady ? undefined : 'approve-blocked'}
        >
          {_('proposals.review.approve')}
        </Button>
        <Button variant="default" onClick={() => setDialog('request-changes')}>
          {_('proposals.review.askForChanges')}
        </Button>
        <Button variant="subtle" color="red" onClick={() => setDialog('decline')}>
          {_('proposals.review.decline')}
        </Button>
      </Group>
      <StepDialog
        opened={dialog === 'approve'}
        onClose={() => setDialog(null)}
        title={_('proposals.review.approveTitle', { name: proposal.name })}
        messageLabel={_('proposals.review.approveNote')}
        confirmLabel={_('proposals.review.approveConfirm')}
        onConfirm={async (message) => {
          const updated = await step.mutateAsync({ path: 'approve', message });
          props.onDone(_('proposals.review.approved', { name: updated.name }));
          return updated;
        }}
      >
        {_('proposals.review.approveText', { names: names(proposal.leaders) })}
      </StepDialog>
      <StepDialog
        opened={dialog === 'request-changes'}
        onClose={() => setDialog(null)}
        title={_('proposals.review.askForChanges')}
        messageLabel={_('proposals.review.changesLabel')}
        messageDescription={_('proposals.review.changesDescription')}
        messageRequired
        confirmLabel={_('proposals.review.askForChanges')}
        onConfirm={async (message) => {
          const updated = await step.mutateAsync({ path: 'request-changes', message });
          props.onDone(_('proposals.review.changesRequested'));
          return updated;
        }}
      />
      <StepDialog
        opened={dialog === 'decline'}
        onClose={() => setDialog(null)}
        title={_('proposals.review.declineTitle', { name: proposal.name })}
        messageLabel={_('proposals.review.reason')}
        messageDescription={_('proposals.review.reasonDescription')}
        messageRequired
        confirmLabel={_('proposals.review.declineConfirm')}
        color="red"
        onConfirm={async (message) => {
          const updated = await step.mutateAsync({ path: 'decline', message });
          props.onDone(_('proposals.review.declinedNotice'));
          return updated;
        }}
      />
    </Card>
  );
}

/** For the proposer while the proposal is open: edit, resubmit after changes were asked for, withdraw. */
export function ProposerPanel(props: { proposal: Proposal; onDone: (notice: string) => void }) {
  const { _ } = useLingui();
  const { proposal } = props;
  const step = useProposalStepMutation(proposal.id);
  const [dialog, setDialog] = useState<'resubmit' | 'withdraw' | null>(null);
  const lastRequest = [...proposal.messages].reverse().find((m) => m.event === 'changes_requested');

  return (
    <Card component="section" aria-labelledby="proposer-title">
      <Title order={2} size="h3" id="proposer-title" mb={4}>
        {proposal.can.resubmit
          ? _('proposals.proposer.changesRequested')
          : _('proposals.proposer.yourProposal')}
      </Title>
      {proposal.can.resubmit ? (
        <Stack gap="xs" mb="md">
          <Text size="sm">
            {lastRequest?.author
              ? _('proposals.proposer.askedForChanges', { name: lastRequest.author.displayName })
              : _('proposals.proposer.coordinatorAskedForChanges')}
          </Text>
          {lastRequest?.body ? (
            <Text size="sm" className="quote">
              {lastRequest.body}
            </Text>
          ) : null}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mb="md">
          {_('proposals.proposer.waiting')}
        </Text>
      )}
      <Group gap="sm">
        <Button
          component={Link}
          to={`/proposals/${proposal.id}/edit`}
          variant={proposal.can.resubmit ? 'light' : 'default'}
        >
          {_('proposals.proposer.edit')}
        </Button>
        {proposal.can.resubmit ? (
          <Button onClick={() => setDialog('resubmit')}>{_('proposals.proposer.resubmitTitle')}</Button>
        ) : null}
        {proposal.can.withdraw ? (
          <Button variant="subtle" color="red" onClick={() => setDialog('withdraw')}>
            {_('proposals.proposer.withdraw')}
          </Button>
        ) : null}
      </Group>
      <StepDialog
        opened={dialog === 'resubmit'}
        onClose={() => setDialog(null)}
        title={_('proposals.proposer.resubmitTitle')}
        messageLabel={_('proposals.proposer.resubmitLabel')}
        confirmLabel={_('proposals.proposer.resubmitConfirm')}
        onConfirm={async (message) => {
          const updated = await step.mutateAsync({ path: 'resubmit', message });
          props.onDone(_('proposals.proposer.resubmitted'));
          return updated;
        }}
      >
        {_('proposals.proposer.resubmitText')}
      </StepDialog>
      <StepDialog
        opened={dialog === 'withdraw'}
        onClose={() => setDialog(null)}
        title={_('proposals.proposer.withdrawTitle')}
        messageLabel={_('proposals.proposer.withdrawLabel')}
        confirmLabel={_('proposals.proposer.withdrawConfirm')}
        color="red"
        onConfirm={async (message) => {
          const updated = await step.mutateAsync({ path: 'withdraw', message });
          props.onDone(_('proposals.proposer.withdrawn'));
          return updated;
        }}
      >
        {_('proposals.proposer.withdrawText')}
      </StepDialog>
    </Card>
  );
}

/** For a person named as co-leader while the proposal is open: accept or decline (and change their mind). */
export function LeadershipAnswerPanel(props: { proposal: Proposal; onDone: (notice: string) => void }) {
  const { _ } = useLingui();
  const { proposal } = props;
  const me = useSignedInMe();
  const step = useProposalStepMutation(proposal.id);
  const answering = useApiAction();
  const mine = proposal.leaders.find((leader) => leader.id === me.id);
  const answer = async (path: 'leadership/accept' | 'leadership/decline') => {
    const updated = await answering.run(() => step.mutateAsync({ path }));
    if (updated)
      props.onDone(
        path === 'leadership/accept'
          ? _('proposals.answer.accepted', { name: proposal.name })
          : _('proposals.answer.declined', { name: proposal.name }),
      );
  };
  return (
    <Card component="section" aria-labelledby="leadership-answer-title">
      <Title order={2} size="h3" id="leadership-answer-title" mb={4}>
        {_('proposals.answer.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">
          {_('proposals.answer.text', { proposer: proposal.proposer.displayName, name: proposal.name })}
        </Text>
        {mine ? (
          <Group gap="xs">
            <Text size="sm">{_('proposals.answer.yourAnswer')}</Text>
            <LeadershipBadge status={mine.status} />
          </Group>
        ) : null}
        <FormAlert message={answering.message} />
        <Group gap="sm">
          {mine?.status !== 'accepted' ? (
            <Button onClick={() => void answer('leadership/accept')} loading={answering.busy}>
              {_('proposals.answer.accept')}
            </Button>
          ) : null}
          {mine?.status !== 'declined' ? (
            <Button
              variant="default"
              onClick={() => void answer('leadership/decline')}
              disabled={answering.busy}
            >
              {_('proposals.answer.decline')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

/** What happened, once the proposal is closed: the community to visit, or why it ended. */
export function OutcomePanel(props: { proposal: Proposal }) {
  const { _ } = useLingui();
  const { proposal } = props;
  const decision = [...proposal.messages]
    .reverse()
    .find((m) => m.event === 'approved' || m.event === 'declined' || m.event === 'withdrawn');
  if (proposal.status === 'approved') {
    return (
      <Alert color="forest" variant="light" title={_('proposals.outcome.approved')}>
        <Stack gap="xs">
          <Text size="sm">
            {decision?.author
              ? _('proposals.outcome.approvedBy', { name: decision.author.displayName })
              : _('proposals.outcome.approvedByCoordinator')}
          </Text>
          {proposal.community ? (
            <Anchor component={Link} to={`/communities/${proposal.community.slug}`} fw={600} c="forest.9">
              {_('proposals.outcome.goTo', { name: proposal.community.name })}
            </Anchor>
          ) : null}
        </Stack>
      </Alert>
    );
  }
  if (proposal.status === 'declined') {
    return (
      <Alert color="red" variant="light" title={_('proposals.outcome.declined')}>
        <Text size="sm">
          {decision?.author
            ? _('proposals.outcome.declinedBy', {
                name: decision.author.displayName,
                reason: decision.body ? 'yes' : 'no',
              })
            : _('proposals.outcome.declinedByCoordinator', { reason: decision?.body ? 'yes' : 'no' })}
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
      <Alert color="gray" variant="light" title={_('proposals.outcome.withdrawn')}>
        <Text size="sm">
          {decision?.author
            ? _('proposals.outcome.withdrawnBy', { name: decision.author.displayName })
            : _('proposals.outcome.withdrawnByProposer')}
        </Text>
      </Alert>
    );
  }
  return null;
}
