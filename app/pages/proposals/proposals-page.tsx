import { Anchor, Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useSignedInMe } from '../../api/queries.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState } from '../../components/page-states.tsx';
import { ProposalList, useProposals } from './proposal-list.tsx';

/** /proposals: the proposals you made or are invited to co-lead, with their status. */
export function ProposalsPage() {
  const me = useSignedInMe();
  const proposals = useProposals({ mine: true });
  const coordinates = me.role === 'coordinator' || me.role === 'administrator';
  return (
    <>
      <PageHeader
        title="Your proposals"
        description="Communities you proposed or are invited to lead, and where each one stands."
        actions={
          me.kind === 'external' ? null : (
            <Button component={Link} to="/proposals/new">
              Propose a community
            </Button>
          )
        }
      />
      {coordinates ? (
        <Text size="sm" mb="md">
          Reviewing proposals from others? They are in the{' '}
          <Anchor component={Link} to="/coordination/proposals">
            proposal queue
          </Anchor>
          .
        </Text>
      ) : null}
      <ProposalList
        label="Your proposals"
        query={proposals}
        showProposer
        empty={
          <EmptyState
            title="No proposals yet"
            action={
              me.kind === 'external' ? null : (
                <Button component={Link} to="/proposals/new" variant="light" mt="sm">
                  Propose a community
                </Button>
              )
            }
          >
            Have a practice or a question you would like to explore with colleagues? Propose a community: the
            coordinators review it and help you start.
          </EmptyState>
        }
      />
    </>
  );
}
