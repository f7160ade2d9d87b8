import { useLingui } from '@lingui/react';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { StorySummary } from '../../../common/contracts/stories.ts';
import { useStories } from '../../api/stories.ts';
import { StatusAlert } from '../../components/form-alert.tsx';
import { ItemList, PagedList } from '../../components/list-page/index.ts';
import { EmptyState } from '../../components/page-states.tsx';
import { ValueMatrixCard } from '../../components/value-matrix-card.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { dateOnly } from '../../lib/dates.ts';
import { noticeFrom } from '../../lib/route-notice.ts';
import { cycleMessages } from '../../lib/story-cycles.ts';
import { useCommunity } from '../communities/community-context.ts';

function StoryItem(props: { story: StorySummary }) {
  const { _ } = useLingui();
  const { story } = props;
  return (
    <Card component="article" aria-labelledby={`story-${story.id}`} withBorder>
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Anchor
            component={Link}
            to={`/stories/${story.id}`}
            fw={700}
            id={`story-${story.id}`}
            style={{ overflowWrap: 'anywhere' }}
          >
            {story.title}
          </Anchor>
          <Group gap={4}>
            {story.featured ? (
              <Badge color="amber" variant="light" tt="none">
                {_('stories.badge.featured')}
              </Badge>
            ) : null}
            {story.status === 'hidden' ? (
              <Badge color="gray" variant="light" tt="none">
                {_('stories.badge.hidden')}
              </Badge>
            ) : null}
            {story.status === 'draft' ? (
              <Badge color="blue" variant="light" tt="none">
                {_('stories.badge.draft')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {_('stories.page.byline', {
            name: story.author?.displayName ?? _('stories.page.formerMember'),
            date: dateOnly(story.createdAt),
          })}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {story.excerpt}
        </Text>
        <Text size="xs" c="dimmed">
          {_('stories.list.tells', {
            cycles: story.cycles.map((cycle) => _(cycleMessages[cycle].name)).join(', '),
          })}
        </Text>
      </Stack>
    </Card>
  );
}

/** /communities/:slug/stories: the value-creation matrix and the community's value stories. */
export function StoriesTab() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(_('stories.tab.documentTitle', { community: home.community.name }));
  const location = useLocation();
  const stories = useStories(slug);
  const first = stories.data?.pages[0];
  return (
    <Stack gap="lg">
      <StatusAlert message={noticeFrom(location.state)} />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 320px' }}>
          <Title order={2}>{_('stories.tab.title')}</Title>
          <Text size="sm">{_('stories.tab.intro')}</Text>
        </Stack>
        {first?.canRecord ? (
          <Button component={Link} to={`/communities/${slug}/stories/new`}>
            {_('stories.new.title')}
          </Button>
        ) : null}
      </Group>
      <ValueMatrixCard slug={slug} />
      <section aria-labelledby="story-list-title">
        <Title order={2} size="h3" id="story-list-title" mb="sm">
          {_('stories.list.title')}
        </Title>
        <PagedList
          query={stories}
          loadingLabel={_('stories.list.loading')}
          empty={<EmptyState title={_('stories.list.emptyTitle')}>{_('stories.list.empty')}</EmptyState>}
          gap="md"
        >
          {(items) => <ItemList items={items}>{(story) => <StoryItem story={story} />}</ItemList>}
        </PagedList>
      </section>
    </Stack>
  );
}
