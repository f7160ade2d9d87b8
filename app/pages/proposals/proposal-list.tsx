import { Trans, useLingui } from '@lingui/react';
import { Anchor, Button, Card, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import type { useProposals } from '../../api/proposals.ts';
import type { ProposalSummary } from '../../api/types.ts';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
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
    <Card component="li" padding="md" aria-labelledby={`proposal-${proposal.id}`}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Anchor
            component={Link}
            to={`/proposals/${proposal.id}`}
            fw={650}
            c="forest.9"
            underline="hover"
            id={`proposal-${proposal.id}`}
            style={{ overflowWrap: 'anywhere' }}
          >
            {proposal.name}
          </Anchor>
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
        </Stack>
        <Stack gap={6} align="flex-end">
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
        </Stack>
      </Group>
    </Card>
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
  const { query } = props;
  const list = query.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <>
      <VisuallyHidden role="status">
        {query.isPending
          ? _('proposals.list.loading')
          : _(query.hasNextPage ? 'proposals.list.shownOrMore' : 'proposals.list.shown', {
              count: list.length,
            })}
      </VisuallyHidden>
      {query.isPending ? (
        <PageLoader label={_('proposals.list.loading')} />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : list.length === 0 ? (
        props.empty
      ) : (
        <Stack
          gap="sm"
          component="ul"
          aria-label={props.label}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {list.map((proposal) => (
            <ProposalRow key={proposal.id} proposal={proposal} showProposer={props.showProposer} />
          ))}
        </Stack>
      )}
      {query.hasNextPage ? (
        <Group justify="center" mt="lg">
          <Button
            variant="default"
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
          >
            {_('common.action.loadMore')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
