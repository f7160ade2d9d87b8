import { useLingui } from '@lingui/react';
import { Button, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { communityKindMessages } from '../../../common/enums.ts';
import { ApiError } from '../../api/client.ts';
import { useProposal } from '../../api/proposals.ts';
import type { Proposal } from '../../api/types.ts';
import { StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { relativeTime } from '../../lib/dates.ts';
import { LeadershipAnswerPanel, OutcomePanel, ProposerPanel, ReviewPanel } from './proposal-actions.tsx';
import { ProposalConversation } from './proposal-conversation.tsx';
import { LeadershipTeam, ProposalDetails } from './proposal-details.tsx';
import { ProposalStatusBadge } from './proposal-status.tsx';
import './proposals.css';
import { noticeFrom } from '../../lib/route-notice.ts';

function ProposalView(props: { proposal: Proposal; initialNotice: string | null }) {
  const { _ } = useLingui();
  const { proposal } = props;
  const [notice, setNotice] = useState(props.initialNotice);
  const open = proposal.status === 'submitted' || proposal.status === 'changes_requested';
  const showProposer = proposal.can.isProposer && open;

  return (
    <>
      <PageHeader
        title={proposal.name}
        documentTitle={_('proposals.page.documentTitle', { name: proposal.name })}
        description={_('proposals.page.byline', {
          kind: _(communityKindMessages[proposal.kind]),
          name: proposal.proposer.displayName,
          when: relativeTime(proposal.createdAt),
        })}
        actions={<ProposalStatusBadge status={proposal.status} />}
      />
      <Stack gap="lg">
        <StatusAlert message={notice} />
        <div className="proposal-layout">
          <Stack gap="lg" className="proposal-aside">
            <OutcomePanel proposal={proposal} />
            {proposal.can.review ? <ReviewPanel proposal={proposal} onDone={setNotice} /> : null}
            {showProposer ? <ProposerPanel proposal={proposal} onDone={setNotice} /> : null}
            {proposal.can.answerLeadership ? (
              <LeadershipAnswerPanel proposal={proposal} onDone={setNotice} />
            ) : null}
            <LeadershipTeam proposal={proposal} />
          </Stack>
          <Stack gap="lg" className="proposal-main">
            <ProposalDetails proposal={proposal} />
            <ProposalConversation proposal={proposal} />
          </Stack>
        </div>
      </Stack>
    </>
  );
}

/** /proposals/:id: a proposal, its leadership team, the conversation, and the steps the viewer may take. */
export function ProposalPage() {
  const { _ } = useLingui();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  // A notice handed over by the previous page shows once, not again after a reload.
  const [initialNotice] = useState(() => noticeFrom(location.state));
  useEffect(() => {
    if (noticeFrom(location.state)) void navigate('.', { replace: true, state: null });
  }, [location.state, navigate]);
  const proposal = useProposal(id);

  if (proposal.isPending) {
    return (
      <>
        <PageHeader title={_('proposals.page.title')} />
        <PageLoader />
      </>
    );
  }
  if (proposal.isError) {
    const missing =
      proposal.error instanceof ApiError && (proposal.error.status === 404 || proposal.error.status === 400);
    return (
      <>
        <PageHeader title={missing ? _('proposals.page.notFound') : _('proposals.page.title')} />
        {missing ? (
          <EmptyState
            title={_('proposals.page.notHereTitle')}
            action={
              <Button component={Link} to="/proposals" variant="light" mt="sm">
                {_('proposals.page.yourProposals')}
              </Button>
            }
          >
            {_('proposals.page.notHereText')}
          </EmptyState>
        ) : (
          <LoadError error={proposal.error} onRetry={() => void proposal.refetch()} />
        )}
      </>
    );
  }
  return <ProposalView key={proposal.data.id} proposal={proposal.data} initialNotice={initialNotice} />;
}
