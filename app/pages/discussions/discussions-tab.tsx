import { useLingui } from '@lingui/react';
import { Alert, Button, Card, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCommunity } from '../communities/community-context.ts';
import { StartThreadForm } from './start-thread-form.tsx';
import { ThreadList } from './thread-list.tsx';

/** /communities/:slug/discussions: the community's threads and starting a new one. */
export function DiscussionsTab() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(_('discussions.tab.documentTitle', { community: home.community.name }));
  const [starting, setStarting] = useState(false);
  const { canStartThread: canStart, canAnnounce, suspended } = home.viewer;
  return (
    <Stack gap="lg">
      {suspended ? (
        <Alert color="orange" title={_('discussions.common.suspendedTitle')}>
          {_('discussions.tab.suspendedBody')}
        </Alert>
      ) : null}
      {starting ? (
        <Card component="section" aria-labelledby="start-title">
          <Title order={2} size="h3" id="start-title" mb="sm">
            {_('discussions.tab.start')}
          </Title>
          <StartThreadForm slug={slug} canAnnounce={canAnnounce} onCancel={() => setStarting(false)} />
        </Card>
      ) : null}
      <Card component="section" aria-labelledby="discussions-title">
        <Group justify="space-between" gap="sm" mb="sm" wrap="wrap">
          <Title order={2} size="h3" id="discussions-title">
            {_('discussions.tab.title')}
          </Title>
          {canStart && !starting ? (
            <Button onClick={() => setStarting(true)}>{_('discussions.tab.start')}</Button>
          ) : null}
        </Group>
        <ThreadList
          slug={slug}
          empty={canStart ? _('discussions.tab.emptyCanStart') : _('discussions.tab.empty')}
        />
      </Card>
    </Stack>
  );
}
