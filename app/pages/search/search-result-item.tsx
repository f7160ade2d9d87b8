import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { SearchKind, SearchResult } from '../../api/types.ts';

/** What each kind of result is called, one and many. */
export const kindLabels: Record<SearchKind, { one: string; many: string; color: string }> = {
  community: { one: 'Community', many: 'Communities', color: 'forest' },
  thread: { one: 'Discussion', many: 'Discussions', color: 'blue' },
  reply: { one: 'Reply', many: 'Replies', color: 'grape' },
  resource: { one: 'Resource', many: 'Resources', color: 'teal' },
  person: { one: 'Person', many: 'People', color: 'orange' },
};

/** One result: its kind, its title linking to it, the snippet with the matched words marked, its community. */
export function SearchResultItem(props: { result: SearchResult }) {
  const { result } = props;
  const headingId = `result-${result.kind}-${result.id}`;
  const kind = kindLabels[result.kind];
  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge color={kind.color} variant="light" tt="none" size="sm">
            {kind.one}
          </Badge>
          {result.community && result.kind !== 'community' ? (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              in{' '}
              <Anchor component={Link} to={`/communities/${result.community.slug}`} inherit>
                {result.community.name}
              </Anchor>
            </Text>
          ) : null}
        </Group>
        <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={result.url} inherit underline="hover" c="forest.9">
            {result.title}
          </Anchor>
        </Title>
        {result.snippet ? (
          <Text
            size="sm"
            className="highlighted"
            style={{ overflowWrap: 'anywhere' }}
            // The server escapes the snippet and adds only <mark> around the matched words.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped on the server except <mark>
            dangerouslySetInnerHTML={{ __html: result.snippet }}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
