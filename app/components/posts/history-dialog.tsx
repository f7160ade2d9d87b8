import { Trans, useLingui } from '@lingui/react';
import { Box, Divider, Modal, Stack, Text, Title } from '@mantine/core';
import { useRevisions } from '../../api/discussions.ts';
import { dateTime } from '../../lib/dates.ts';
import { EmptyState, LoadError, PageLoader } from '../page-states.tsx';
import { Prose } from '../prose.tsx';

function Revisions(props: { threadId: string; postId: string | null }) {
  const { _ } = useLingui();
  const revisions = useRevisions(props.threadId, props.postId);
  if (revisions.isPending) return <PageLoader label={_('discussions.history.loading')} />;
  if (revisions.isError)
    return <LoadError error={revisions.error} onRetry={() => void revisions.refetch()} />;
  if (revisions.data.length === 0) {
    return (
      <EmptyState title={_('discussions.history.emptyTitle')}>
        {_('discussions.history.emptyBody')}
      </EmptyState>
    );
  }
  return (
    <Stack gap="md" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {revisions.data.map((revision, index) => (
        <li key={revision.createdAt}>
          {index > 0 ? <Divider mb="md" /> : null}
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              <Trans
                id="discussions.history.replaced"
                values={{
                  date: dateTime(revision.createdAt),
                  name: <>{revision.editedBy?.displayName ?? _('discussions.common.formerMemberLower')}</>,
                }}
                components={{ time: <time dateTime={revision.createdAt} /> }}
              />
            </Text>
            {revision.title ? (
              <Title order={3} size="h5">
                {revision.title}
              </Title>
            ) : null}
            <Box style={{ overflowWrap: 'anywhere' }}>
              <Prose html={revision.bodyHtml} empty={_('discussions.history.empty')} />
            </Box>
          </Stack>
        </li>
      ))}
    </Stack>
  );
}

/** The earlier versions of an edited post, newest first: what it said before each edit, who changed it. */
export function HistoryDialog(props: {
  opened: boolean;
  threadId: string;
  postId: string | null;
  onClose: () => void;
}) {
  const { _ } = useLingui();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={_('discussions.history.title')}
      size="lg"
      centered
    >
      {props.opened ? <Revisions threadId={props.threadId} postId={props.postId} /> : null}
    </Modal>
  );
}
