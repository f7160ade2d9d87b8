import { Anchor, Button, Card, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ProposalStatus } from '../../../common/enums.ts';
import { apiGetPage } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { ProposalSummary } from '../../api/types.ts';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateTime, relativeTime } from '../../lib/dates.ts';
import { LeadershipBadge, ProposalStatusBadge } from './proposal-status.tsx';

/** Proposals from GET /api/proposals, most recently active first, with "Load more". */
export function useProposals(filters: { status?: ProposalStatus | undefined; mine?: boolean }) {
  return useInfiniteQuery({
    queryKey: [...keys.proposals, 'list', filters],
    queryFn: ({ pageParam }) =>
      apiGetPage<ProposalSummary>('/proposals', {
        status: filters.status,
        mine: filters.mine ? 'true' : undefined,
        cursor: pageParam,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

const myLeadershipLabels = {
  pending: 'You are invited to co-lead',
  accepted: 'You co-lead',
  declined: 'You declined to co-lead',
  revoked: 'No longer invited',
} as const;

function ProposalRow(props: { proposal: ProposalSummary; showProposer: boolean }) {
  const { proposal } = props;
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
            {props.showProposer ? `Proposed by ${proposal.proposer.displayName} · ` : ''}
            updated{' '}
            <time dateTime={proposal.updatedAt} title={dateTime(proposal.updatedAt)}>
              {relativeTime(proposal.updatedAt)}
            </time>
          </Text>
        </Stack>
        <Stack gap={6} align="flex-end">
          <ProposalStatusBadge status={proposal.status} />
          {proposal.myLeadership ? (
            <LeadershipBadge
              status={proposal.myLeadership}
              label={myLeadershipLabels[proposal.myLeadership]}
            />
          ) : null}
          {proposal.community ? (
            <Anchor component={Link} to={`/communities/${proposal.community.slug}`} size="sm">
              Visit the community
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
  const { query } = props;
  const list = query.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <>
      <VisuallyHidden role="status">
        {query.isPending
          ? 'Loading proposals…'
          : `${list.length}${query.hasNextPage ? ' or more' : ''} ${list.length === 1 ? 'proposal' : 'proposals'} shown`}
      </VisuallyHidden>
      {query.isPending ? (
        <PageLoader label="Loading proposals…" />
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
            Load more
          </Button>
        </Group>
      ) : null}
    </>
  );
}
