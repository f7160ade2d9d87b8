import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';

/** What a meeting page shows while it loads or when it cannot: loading, not found, or the error. */
export function MeetingLoadState(props: { pending: boolean; error: unknown; onRetry: () => void }) {
  if (props.pending) {
    return (
      <>
        <PageHeader title="Meeting" />
        <PageLoader />
      </>
    );
  }
  const missing =
    props.error instanceof ApiError && (props.error.status === 404 || props.error.status === 400);
  return (
    <>
      <PageHeader title={missing ? 'Meeting not found' : 'Meeting'} />
      {missing ? (
        <EmptyState
          title="This meeting is not here"
          action={
            <Button component={Link} to="/communities" variant="light" mt="sm">
              Browse communities
            </Button>
          }
        >
          The link may be mistyped, or the meeting belongs to a community you cannot see.
        </EmptyState>
      ) : (
        <LoadError error={props.error} onRetry={props.onRetry} />
      )}
    </>
  );
}
