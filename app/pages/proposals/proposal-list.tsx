import { Trans, useLingui } from '@lingui/react';
import { Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import type { useProposals } from '../../api/proposals.ts';
import type { ProposalSummary } from '../../api/types.ts';
import { LinkCard } from '../../components/list-page/extras.tsx';
import { PagedList, PlainList } from '../../components/list-page/index.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';
import { LeadershipBadge, ProposalStatusBadge } from './proposal-status.tsx';

const myLeadershipMessages: Record<NonNullable<ProposalSummary['myLeadership']>, MessageId> = {
  pending: 'proposals.list.myLeadership.pending',
  accepted: 'proposals.list.myLeadership.accepted',
  declined: 'proposals.list.myLeadership.declined',
  revoked: 'proposals.list.myLeadership.revoked',
};

function ProposalRow(props: { proposal: ProposalSummary; showProposer: boolean }) {
  const { _ } = useLingui();
  const { proposal } = props;
  const time = <time dateTime={proposal.updatedAt} title={dateTime(proposal.updatedAt)} />;
  return (
    <LinkCard
      id={`proposal-${proposal.id}`}
      to={`/proposals/${proposal.id}`}
      title={proposal.name}
      aside={
        <>
          <ProposalStatusBadge status={proposal.status} />
          {proposal.myLeadership ? (
            <LeadershipBadge
              status={proposal.myLeadership}
              label={_(myLeadershipMessages[proposal.myLeadership])}
            />
          ) : null}
          {proposal.community ? (
            <Anchor component={Link} to={`/communities/${proposal.community.slug}`} size="sm">
              {_('proposals.list.visitCommunity')}
            </Anchor>
          ) : null}
        </>
      }
    >
      <Text size="sm" c="dimmed" lineClamp={2}>
        {proposal.purpose}
      </Text>
      <Text size="xs" c="dimmed">
        {props.showProposer ? (
          <Trans
            id="proposals.list.proposedByUpdated"
            values={{
              name: <>{proposal.proposer.displayName}</>,
              when: relativeTime(proposal.updatedAt),
            }}
            components={{ time }}
          />
        ) : (
          <Trans
            id="proposals.list.updated"
            values={{ when: relativeTime(proposal.updatedAt) }}
            components={{ time }}
          />
        )}
      </Text>
    </LinkCard>
  );
}

/** A list of proposals with loading, error and empty states; `empty` is shown when there are none. */
export function ProposalList(props: {
  label: string;
  query: ReturnType<typeof useProposals>;
  showProposer: boolean;
  empty: ReactNode;
}) {
  const { _ } = useLingui();
  return (
    <PagedList
      query={props.query}
      loadingLabel={_('proposals.list.loading')}
      announce={{
        loading: _('proposals.list.loading'),
        shown: (count, more) => _(more ? 'proposals.list.shownOrMore' : 'proposals.list.shown', { count }),
      }}
      empty={props.empty}
    >
      {(list) => (
        <PlainList aria-label={props.label}>
          {list.map((proposal) => (
            <ProposalRow key={proposal.id} proposal={proposal} showProposer={props.showProposer} />
          ))}
        </PlainList>
      )}
    </PagedList>
  );
}
