import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { EmptyState } from '../components/page-states.tsx';

/** Any path the app does not know. */
export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState
        title="There is nothing at this address"
        action={
          <Button component={Link} to="/" variant="light" mt="sm">
            Go home
          </Button>
        }
      >
        The link may be mistyped, or the page may have moved.
      </EmptyState>
    </>
  );
}
