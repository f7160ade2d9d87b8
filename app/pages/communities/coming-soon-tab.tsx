import { Badge, Group } from '@mantine/core';
import { EmptyState } from '../../components/page-states.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCommunity } from './community-context.ts';

const sections = {
  discussions: {
    tab: 'Discussions',
    title: 'Discussions are coming soon',
    text: 'Threads and replies, questions with helpful answers, and announcements from the leaders.',
  },
  toolkit: {
    tab: 'Toolkit',
    title: 'The Toolkit is coming soon',
    text: 'The resources the community curates: templates, lesson plans, articles and tools, and who used them.',
  },
} as const;

/** A clearly labelled placeholder for a community section that a later release adds. */
export function ComingSoonTab(props: { section: keyof typeof sections }) {
  const { home } = useCommunity();
  const section = sections[props.section];
  useDocumentTitle(`${section.tab} · ${home.community.name}`);
  return (
    <EmptyState
      title={section.title}
      action={
        <Group justify="center" mt="xs">
          <Badge color="gray" variant="light" tt="none">
            Coming soon
          </Badge>
        </Group>
      }
    >
      {section.text} {home.community.name} will find them here.
    </EmptyState>
  );
}
