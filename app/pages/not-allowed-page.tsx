import { useLingui } from '@lingui/react';
import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { EmptyState } from '../components/page-states.tsx';

/** Shown to people who may not open a page (e.g. administration for non-administrators). */
export function NotAllowedPage() {
  const { _ } = useLingui();
  return (
    <>
      <PageHeader title={_('pages.notAllowed.title')} />
      <EmptyState
        title={_('pages.notAllowed.heading')}
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
