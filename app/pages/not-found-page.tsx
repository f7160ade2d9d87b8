import { useLingui } from '@lingui/react';
import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { EmptyState } from '../components/page-states.tsx';

/** Any path the app does not know. */
export function NotFoundPage() {
  const { _ } = useLingui();
  return (
    <>
      <PageHeader title={_('pages.notFound.title')} />
      <EmptyState
        title={_('pages.notFound.heading')}
        action={
          <Button component={Link} to="/" variant="light" mt="sm">
            {_('pages.goHome')}
          </Button>
        }
      >
        {_('pages.notFound.body')}
      </EmptyState>
    </>
  );
}
