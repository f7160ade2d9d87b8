import { useLingui } from '@lingui/react';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useMe } from '../../api/queries.ts';
import { EmptyState } from '../../components/page-states.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCommunity } from '../communities/community-context.ts';
import { canSeeModeration } from './moderation-access.ts';
import { ModerationLog } from './moderation-log.tsx';
import { ReportQueue } from './report-list.tsx';
import { SuspensionsSection } from './suspensions-section.tsx';

/** /communities/:slug/moderation: the reports queue, the suspensions in force and the moderation log. */
export function ModerationTab() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(_('moderation.tab.documentTitle', { community: home.community.name }));
  const me = useMe();
  if (!canSeeModeration(home.viewer.role, me.data?.role)) {
    return (
      <EmptyState title={_('moderation.tab.leadersOnlyTitle')}>
        {_('moderation.tab.leadersOnlyBody')}
      </EmptyState>
    );
  }
  return (
    <Stack gap="lg">
      <Card component="section" aria-labelledby="reports-title">
        <Title order={2} size="h3" id="reports-title">
          {_('moderation.tab.reports')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {_('moderation.tab.reportsIntro')}
        </Text>
        <ReportQueue slug={slug} />
      </Card>
      <Card component="section" aria-labelledby="suspensions-title">
        <Title order={2} size="h3" id="suspensions-title" mb="sm">
          {_('moderation.tab.suspensions')}
        </Title>
        <SuspensionsSection slug={slug} />
      </Card>
      <Card component="section" aria-labelledby="log-title">
        <Title order={2} size="h3" id="log-title" mb="sm">
          {_('moderation.tab.log')}
        </Title>
        <ModerationLog slug={slug} />
      </Card>
    </Stack>
  );
}
