import { Trans, useLingui } from '@lingui/react';
import { Anchor, Button, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useCreateProposalMutation } from '../../api/proposals.ts';
import { useSignedInMe } from '../../api/queries.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState } from '../../components/page-states.tsx';
import { ProposalForm } from './proposal-form.tsx';
import { emptyProposal } from './proposal-form-values.ts';

/** /proposals/new: propose a community to the coordinators. */
export function NewProposalPage() {
  const { _ } = useLingui();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const create = useCreateProposalMutation();

  if (me.kind === 'external') {
    return (
      <>
        <PageHeader title={_('proposals.new.title')} />
        <EmptyState
          title={_('proposals.new.guestTitle')}
          action={
            <Button component={Link} to="/contact" variant="light" mt="sm">
              {_('proposals.new.guestContact')}
            </Button>
          }
        >
          {_('proposals.new.guestText')}
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader title={_('proposals.new.title')} description={_('proposals.new.description')} />
      <Text size="sm" mb="lg" maw={720}>
        <Trans
          id="proposals.new.intro"
          components={{ link: <Anchor component={Link} to="/contact?topic=start_community" /> }}
        />
      </Text>
      <ProposalForm
        initial={emptyProposal}
        submitLabel={_('proposals.new.submit')}
        send={(body) => create.mutateAsync(body)}
        onSent={(created) =>
          void navigate(`/proposals/${created.id}`, {
            state: {
              notice:
                created.leaders.length > 1 ? _('proposals.new.sentWithCoLeaders') : _('proposals.new.sent'),
            },
          })
        }
        onCancel={() => void navigate('/proposals')}
      />
    </>
  );
}
