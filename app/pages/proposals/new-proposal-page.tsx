import { Anchor, Button, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { apiSend } from '../../api/client.ts';
import { keys, useSignedInMe } from '../../api/queries.ts';
import type { Proposal } from '../../api/types.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState } from '../../components/page-states.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { ProposalForm } from './proposal-form.tsx';
import { emptyProposal, type ProposalBody } from './proposal-form-values.ts';

/** /proposals/new: propose a community to the coordinators. */
export function NewProposalPage() {
  const me = useSignedInMe();
  const form = useFormState();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const submit = async (body: ProposalBody) => {
    const created = await form.run(() => apiSend<Proposal>('POST', '/proposals', body));
    if (!created) return;
    queryClient.setQueryData(keys.proposal(created.id), created);
    await queryClient.invalidateQueries({ queryKey: keys.proposals });
    await navigate(`/proposals/${created.id}`, {
      state: {
        notice:
          created.leaders.length > 1
            ? 'Your proposal is sent. Your co-leaders are asked to accept, and the coordinators will review it.'
            : 'Your proposal is sent. The coordinators will review it.',
      },
    });
  };

  if (me.kind === 'external') {
    return (
      <>
        <PageHeader title="Propose a community" />
        <EmptyState
          title="Guests cannot propose communities"
          action={
            <Button component={Link} to="/contact" variant="light" mt="sm">
              Get in touch with the coordinators
            </Button>
          }
        >
          External partners take part in the communities they are invited to. To suggest a new one, write to
          the coordinators.
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Propose a community"
        description="Tell the coordinators what the community is about, who it is for and who will lead it."
      />
      <Text size="sm" mb="lg" maw={720}>
        The coordinators review each proposal. They may ask for changes before they approve it; you talk with
        them on the proposal's page. Once approved, the community opens with its leaders and a charter to fill
        in together. Not sure yet?{' '}
        <Anchor component={Link} to="/contact?topic=start_community">
          Ask the coordinators first
        </Anchor>
        .
      </Text>
      <ProposalForm
        initial={emptyProposal}
        form={form}
        submitLabel="Send the proposal"
        onSubmit={submit}
        onCancel={() => void navigate('/proposals')}
      />
    </>
  );
}
