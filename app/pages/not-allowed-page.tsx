import { useLingui } from '@lingui/react';
import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { EmptyState } from '../components/page-states.tsx';

/**
 * Shown to people who may not open a page: administration for non-administrators, coordination for
 * those who are neither coordinators nor administrators.
 */
export function NotAllowedPage(props: { for?: 'administrators' | 'coordinators' }) {
  const { _ } = useLingui();
  return (
    <>
      <PageHeader title={_('pages.notAllowed.title')} />
      <EmptyState
        title={
          props.for === 'coordinators'
            ? _('pages.notAllowed.headingCoordinators')
            : _('pages.notAllowed.heading')
        }
        action={
          <Button component={Link} to="/" variant="light" mt="sm">
            {_('pages.goHome')}
          </Button>
        }
      >
        {_('pages.notAllowed.body')}
      </EmptyState>
    </>
  );
}
