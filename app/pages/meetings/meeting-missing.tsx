import { useLingui } from '@lingui/react';
import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';

/** What a meeting page shows while it loads or when it cannot: loading, not found, or the error. */
export function MeetingLoadState(props: { pending: boolean; error: unknown; onRetry: () => void }) {
  const { _ } = useLingui();
  if (props.pending) {
    return (
      <>
        <PageHeader title={_('meetings.missing.title')} />
        <PageLoader />
      </>
    );
  }
  const missing =
    props.error instanceof ApiError && (props.error.status === 404 || props.error.status === 400);
  return (
    <>
      <PageHeader title={missing ? _('meetings.missing.notFound') : _('meetings.missing.title')} />
      {missing ? (
        <EmptyState
          title={_('meetings.missing.notHere')}
          action={
            <Button component={Link} to="/communities" variant="light" mt="sm">
              {_('meetings.missing.browse')}
            </Button>
          }
        >
          {_('meetings.missing.body')}
        </EmptyState>
      ) : (
        <LoadError error={props.error} onRetry={props.onRetry} />
      )}
    </>
  );
}
