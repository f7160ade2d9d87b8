import { Button } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { apiGet, apiSend } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Proposal } from '../../api/types.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { ProposalForm } from './proposal-form.tsx';
import { type ProposalBody, proposalValues } from './proposal-form-values.ts';

/** /proposals/:id/edit: the proposer changes an open proposal. */
export function EditProposalPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useFormState();
  const proposal = useQuery({
    queryKey: keys.proposal(id),
    queryFn: () => apiGet<Proposal>(`/proposals/${id}`),
  });

  if (proposal.isPending || proposal.isError) {
    return (
      <>
        <PageHeader title="Edit the proposal" />
        {proposal.isPending ? (
          <PageLoader />
        ) : (
          <LoadError error={proposal.error} onRetry={() => void proposal.refetch()} />
        )}
      </>
    );
  }
  const current = proposal.data;
  if (!current.can.edit) {
    return (
      <>
        <PageHeader title="Edit the proposal" />
        <EmptyState
          title="This proposal cannot be changed"
          action={
            <Button component={Link} to={`/proposals/${id}`} variant="light" mt="sm">
              Back to the proposal
            </Button>
          }
        >
          Only the person who proposed it edits a proposal, and only until it is approved, declined or
          withdrawn.
        </EmptyState>
      </>
    );
  }

  const submit = async (body: ProposalBody) => {
    const updated = await form.run(() => apiSend<Proposal>('PATCH', `/proposals/${id}`, body));
    if (!updated) return;
    queryClient.setQueryData(keys.proposal(id), updated);
    await queryClient.invalidateQueries({ queryKey: keys.proposals });
    await navigate(`/proposals/${id}`, {
      state: {
        notice:
          updated.status === 'changes_requested'
            ? 'Your changes are saved. Resubmit the proposal when it is ready for the coordinators.'
            : 'Your changes are saved.',
      },
    });
  };

  return (
    <>
      <PageHeader
        title="Edit the proposal"
        documentTitle={`Edit: ${current.name}`}
        description={current.name}
      />
      <ProposalForm
        initial={proposalValues(current)}
        form={form}
        submitLabel="Save changes"
        onSubmit={submit}
        onCancel={() => void navigate(`/proposals/${id}`)}
      />
    </>
  );
}
