import { useLingui } from '@lingui/react';
import { Button } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useProposal, useUpdateProposalMutation } from '../../api/proposals.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { ProposalForm } from './proposal-form.tsx';
import { proposalValues } from './proposal-form-values.ts';

/** /proposals/:id/edit: the proposer changes an open proposal. */
export function EditProposalPage() {
  const { _ } = useLingui();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const proposal = useProposal(id);
  const update = useUpdateProposalMutation(id);

  if (proposal.isPending || proposal.isError) {
    return (
      <>
        <PageHeader title={_('proposals.edit.title')} />
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
        <PageHeader title={_('proposals.edit.title')} />
        <EmptyState
          title={_('proposals.edit.lockedTitle')}
          action={
            <Button component={Link} to={`/proposals/${id}`} variant="light" mt="sm">
              {_('proposals.edit.back')}
            </Button>
          }
        >
          {_('proposals.edit.lockedText')}
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={_('proposals.edit.title')}
        documentTitle={_('proposals.edit.documentTitle', { name: current.name })}
        description={current.name}
      />
      <ProposalForm
        initial={proposalValues(current)}
        submitLabel={_('common.action.saveChanges')}
        send={(body) => update.mutateAsync(body)}
        onSent={(updated) =>
          void navigate(`/proposals/${id}`, {
            state: {
              notice:
                updated.status === 'changes_requested'
                  ? _('proposals.edit.savedResubmit')
                  : _('proposals.edit.saved'),
            },
          })
        }
        onCancel={() => void navigate(`/proposals/${id}`)}
      />
    </>
  );
}
