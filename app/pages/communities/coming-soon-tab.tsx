import { useLingui } from '@lingui/react';
import { Badge, Group } from '@mantine/core';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { EmptyState } from '../../components/page-states.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCommunity } from './community-context.ts';

/** Message ids of each section's tab, heading and text (translated when shown). */
const sections = {
  discussions: {
    tabId: 'communities.tabs.discussions',
    titleId: 'communities.comingSoon.discussions.title',
    textId: 'communities.comingSoon.discussions.text',
  },
  toolkit: {
    tabId: 'communities.tabs.toolkit',
    titleId: 'communities.comingSoon.toolkit.title',
    textId: 'communities.comingSoon.toolkit.text',
  },
} as const satisfies Record<string, Record<string, MessageId>>;

/** A clearly labelled placeholder for a community section that a later release adds. */
export function ComingSoonTab(props: { section: keyof typeof sections }) {
  const { _ } = useLingui();
  const { home } = useCommunity();
  const section = sections[props.section];
  useDocumentTitle(`${_(section.tabId)} · ${home.community.name}`);
  return (
    <EmptyState
      title={_(section.titleId)}
      action={
        <Group justify="center" mt="xs">
          <Badge color="gray" variant="light" tt="none">
            {_('communities.comingSoon.badge')}
          </Badge>
        </Group>
      }
    >
      {_(section.textId, { name: home.community.name })}
    </EmptyState>
  );
}
