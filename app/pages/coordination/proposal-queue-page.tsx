import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { type ProposalStatus, proposalStatuses } from '../../../common/enums.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState } from '../../components/page-states.tsx';
import { ProposalList, useProposals } from '../proposals/proposal-list.tsx';
import { proposalStatusLabels } from '../proposals/proposal-status.tsx';

type Filter = ProposalStatus | 'all';

const tabLabels: Record<Filter, string> = {
  ...proposalStatusLabels,
  submitted: 'To review',
  all: 'All',
};

const emptyTexts: Record<Filter, string> = {
  submitted: 'Nothing to review: new and resubmitted proposals appear here.',
  changes_requested: 'No proposal is waiting for its proposer’s changes.',
  approved: 'No proposal has been approved yet.',
  declined: 'No proposal has been declined.',
  withdrawn: 'No proposal has been withdrawn.',
  all: 'No one has proposed a community yet.',
};

function QueueTab(props: { filter: Filter }) {
  const status = props.filter === 'all' ? undefined : props.filter;
  const proposals = useProposals({ status });
  return (
    <ProposalList
      label={`Proposals: ${tabLabels[props.filter]}`}
      query={proposals}
      showProposer
      empty={<EmptyState title="No proposals here">{emptyTexts[props.filter]}</EmptyState>}
    />
  );
}

/** /coordination/proposals: the coordinators' queue of proposals, by status (to review first). */
export function ProposalQueuePage() {
  const [params, setParams] = useSearchParams();
  const filters: Filter[] = [...proposalStatuses, 'all'];
  const current = filters.find((filter) => filter === params.get('status')) ?? 'submitted';
  return (
    <>
      <PageHeader
        title="Proposals"
        description="Proposals for new communities: review them, ask for changes, approve or decline."
      />
      <Tabs
        value={current}
        onChange={(value) =>
          setParams(value && value !== 'submitted' ? { status: value } : {}, { replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List mb="lg" aria-label="Proposal status">
          {filters.map((filter) => (
            <Tabs.Tab key={filter} value={filter}>
              {tabLabels[filter]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {filters.map((filter) => (
          <Tabs.Panel key={filter} value={filter}>
            <QueueTab filter={filter} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
