import { Alert, Button, Card, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCommunity } from '../communities/community-context.ts';
import { StartThreadForm } from './start-thread-form.tsx';
import { ThreadList } from './thread-list.tsx';

/** /communities/:slug/discussions: the community's threads and starting a new one. */
export function DiscussionsTab() {
  const { home, slug } = useCommunity();
  useDocumentTitle(`Discussions · ${home.community.name}`);
  const [starting, setStarting] = useState(false);
  const { canStartThread: canStart, canAnnounce, suspended } = home.viewer;
  return (
    <Stack gap="lg">
      {suspended ? (
        <Alert color="orange" title="You are suspended from this community">
          You can read its discussions, but not start or reply to them until the suspension ends or is lifted.
        </Alert>
      ) : null}
      {starting ? (
        <Card component="section" aria-labelledby="start-title">
          <Title order={2} size="h3" id="start-title" mb="sm">
            Start a discussion
          </Title>
          <StartThreadForm slug={slug} canAnnounce={canAnnounce} onCancel={() => setStarting(false)} />
        </Card>
      ) : null}
      <Card component="section" aria-labelledby="discussions-title">
        <Group justify="space-between" gap="sm" mb="sm" wrap="wrap">
          <Title order={2} size="h3" id="discussions-title">
            Discussions
          </Title>
          {canStart && !starting ? (
            <Button onClick={() => setStarting(true)}>Start a discussion</Button>
          ) : null}
        </Group>
        <ThreadList
          slug={slug}
          empty={
            canStart
              ? 'No discussions yet. Start the first one: ask a question or share something that worked.'
              : 'No discussions yet.'
          }
        />
      </Card>
    </Stack>
  );
}
