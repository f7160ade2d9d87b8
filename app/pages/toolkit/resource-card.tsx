import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { resourceKindLabels } from '../../../common/enums.ts';
import type { ResourceSummary } from '../../api/toolkit.ts';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The counts of a resource, as one line of text. */
export function ResourceCounts(props: {
  resource: Pick<ResourceSummary, 'viewCount' | 'downloadCount' | 'useCount' | 'commentCount'>;
}) {
  const { resource } = props;
  return (
    <Text size="sm" c="dimmed">
      {plural(resource.viewCount, 'view', 'views')} ·{' '}
      {plural(resource.downloadCount, 'download', 'downloads')} · used{' '}
      {plural(resource.useCount, 'time', 'times')} · {plural(resource.commentCount, 'comment', 'comments')}
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
  const { resource } = props;
  const headingId = `resource-${resource.id}`;
  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" tt="none" size="sm">
            {resourceKindLabels[resource.kind]}
          </Badge>
          {resource.featured ? (
            <Badge color="amber" variant="light" tt="none" size="sm">
              Featured
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
          <Group gap={4} wrap="wrap" aria-label="Topics">
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
