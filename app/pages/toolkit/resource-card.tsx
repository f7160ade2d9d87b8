import { useLingui } from '@lingui/react';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { resourceKindMessages } from '../../../common/enums.ts';
import type { ResourceSummary } from '../../api/toolkit.ts';

/** The counts of a resource, as one line of text. */
export function ResourceCounts(props: {
  resource: Pick<ResourceSummary, 'viewCount' | 'downloadCount' | 'useCount' | 'commentCount'>;
}) {
  const { _ } = useLingui();
  const { resource } = props;
  return (
    <Text size="sm" c="dimmed">
      {_('toolkit.card.counts', {
        views: resource.viewCount,
        downloads: resource.downloadCount,
        uses: resource.useCount,
        comments: resource.commentCount,
      })}
    </Text>
  );
}

/**
 * One resource in a list: kind, featured badge, title link, excerpt, topics and counts. In a
 * collection, the link carries the collection's id so the resource page leads back to it.
 */
export function ResourceCard(props: {
  resource: ResourceSummary;
  headingLevel?: 3 | 4;
  collectionId?: string;
}) {
  const { _ } = useLingui();
  const { resource } = props;
  const headingId = `resource-${resource.id}`;
  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" tt="none" size="sm">
            {_(resourceKindMessages[resource.kind])}
          </Badge>
          {resource.featured ? (
            <Badge color="amber" variant="light" tt="none" size="sm">
              {_('toolkit.card.featured')}
            </Badge>
          ) : null}
        </Group>
        <Title order={props.headingLevel ?? 3} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
          <Anchor
            component={Link}
            to={`/resources/${resource.id}`}
            state={props.collectionId ? { fromCollection: props.collectionId } : undefined}
            inherit
            underline="hover"
            c="forest.9"
          >
            {resource.title}
          </Anchor>
        </Title>
        {resource.excerpt ? (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {resource.excerpt}
          </Text>
        ) : null}
        {resource.topics.length > 0 ? (
          <Group gap={4} wrap="wrap" aria-label={_('toolkit.card.topics')}>
            {resource.topics.map((topic) => (
              <Badge key={topic.id} color="gray" variant="outline" tt="none" size="sm">
                {topic.name}
              </Badge>
            ))}
          </Group>
        ) : null}
        <ResourceCounts resource={resource} />
      </Stack>
    </Paper>
  );
}
