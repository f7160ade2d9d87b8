import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { EmptyState } from '../components/page-states.tsx';

/** Placeholder until the communities directory lands. */
export function CommunitiesPage() {
  return (
    <>
      <PageHeader title="Communities" description="Every community of practice of your institution." />
      <EmptyState
        title="Communities arrive soon"
        action={
          <Button component={Link} to="/people" variant="light" mt="sm">
            Find people meanwhile
          </Button>
        }
      >
        The directory of communities is being built. Soon you will search communities by topic, see their next
        meeting and join the ones where you belong.
      </EmptyState>
    </>
  );
}
