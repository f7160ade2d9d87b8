import { useLingui } from '@lingui/react';
import { Tabs } from '@mantine/core';
import { type ProposalStatus, proposalStatuses } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useProposals } from '../../api/proposals.ts';
import { useUrlFilters } from '../../components/list-page/index.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState } from '../../components/page-states.tsx';
import { ProposalList } from '../proposals/proposal-list.tsx';
import { proposalStatusMessages } from '../proposals/proposal-status.tsx';

type Filter = ProposalStatus | 'all';

const tabMessages: Record<Filter, MessageId> = {
  ...proposalStatusMessages,
  submitted: 'coordination.proposals.tab.submitted',
  all: 'coordination.proposals.tab.all',
};

const emptyMessages: Record<Filter, MessageId> = {
  submitted: 'coordination.proposals.empty.submitted',
  changes_requested: 'coordination.proposals.empty.changesRequested',
  approved: 'coordination.proposals.empty.approved',
  declined: 'coordination.proposals.empty.declined',
  withdrawn: 'coordination.proposals.empty.withdrawn',
  all: 'coordination.proposals.empty.all',
};

function QueueTab(props: { filter: Filter }) {
  const { _ } = useLingui();
  const status = props.filter === 'all' ? undefined : props.filter;
  const proposals = useProposals({ status });
  return (
    <ProposalList
      label={_('coordination.proposals.listLabel', { status: _(tabMessages[props.filter]) })}
      query={proposals}
      showProposer
      empty={
        <EmptyState title={_('coordination.proposals.emptyTitle')}>
          {_(emptyMessages[props.filter])}
        </EmptyState>
      }
    />
  );
}

/** /coordination/proposals: the coordinators' queue of proposals, by status (to review first). */
export function ProposalQueuePage() {
  const { _ } = useLingui();
  // The tab is kept in the address; choosing one replaces the history entry.
  const { filters: inAddress, set } = useUrlFilters(['status'], { history: 'replace' });
  const filters: Filter[] = [...proposalStatuses, 'all'];
  const current = filters.find((filter) => filter === inAddress.status) ?? 'submitted';
  return (
    <>
      <PageHeader
        title={_('coordination.proposals.title')}
        description={_('coordination.proposals.description')}
      />
      <Tabs
        value={current}
        onChange={(value) => set({ status: value && value !== 'submitted' ? value : '' })}
        keepMounted={false}
      >
        <Tabs.List mb="lg" aria-label={_('coordination.proposals.tabsLabel')}>
          {filters.map((filter) => (
            <Tabs.Tab key={filter} value={filter}>
              {_(tabMessages[filter])}
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
