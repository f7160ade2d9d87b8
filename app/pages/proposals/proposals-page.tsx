import { Trans, useLingui } from '@lingui/react';
import { Anchor, Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useProposals } from '../../api/proposals.ts';
import { useSignedInMe } from '../../api/queries.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState } from '../../components/page-states.tsx';
import { ProposalList } from './proposal-list.tsx';

/** /proposals: the proposals you made or are invited to co-lead, with their status. */
export function ProposalsPage() {
  const { _ } = useLingui();
  const me = useSignedInMe();
  const proposals = useProposals({ mine: true });
  const coordinates = me.role === 'coordinator' || me.role === 'administrator';
  return (
    <>
      <PageHeader
        title={_('proposals.index.title')}
        description={_('proposals.index.description')}
        actions={
          me.kind === 'external' ? null : (
            <Button component={Link} to="/proposals/new">
              {_('proposals.index.propose')}
            </Button>
          )
        }
      />
      {coordinates ? (
        <Text size="sm" mb="md">
          <Trans
            id="proposals.index.queueHint"
            components={{ link: <Anchor component={Link} to="/coordination/proposals" /> }}
          />
        </Text>
      ) : null}
      <ProposalList
        label={_('proposals.index.title')}
        query={proposals}
        showProposer
        empty={
          <EmptyState
            title={_('proposals.index.emptyTitle')}
            action={
              me.kind === 'external' ? null : (
                <Button component={Link} to="/proposals/new" variant="light" mt="sm">
                  {_('proposals.index.propose')}
                </Button>
              )
            }
          >
            {_('proposals.index.emptyText')}
          </EmptyState>
        }
      />
    </>
  );
}
