import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { EmptyState } from '../components/page-states.tsx';

/** Shown to people who may not open a page (e.g. administration for non-administrators). */
export function NotAllowedPage() {
  return (
    <>
      <PageHeader title="Not allowed" />
      <EmptyState
        title="This page is for administrators"
        action={
          <Button component={Link} to="/" variant="light" mt="sm">
            Go home
          </Button>
        }
      >
        Your account cannot open this page. If you think it should, ask one of your administrators.
      </EmptyState>
    </>
  );
}
