import { Trans, useLingui } from '@lingui/react';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import type { SearchKind, SearchResult } from '../../api/types.ts';
import { PersonCard } from '../../components/person-card.tsx';

/**
 * What each kind of result is called (its catalog id) and its badge colour (light variant; the theme
 * keeps every colour's light-variant text at 4.5:1 or more).
 */
const kindBadges: Record<SearchKind, { name: MessageId; color: string }> = {
  community: { name: 'search.kind.community', color: 'forest' },
  thread: { name: 'search.kind.thread', color: 'blue' },
  reply: { name: 'search.kind.reply', color: 'grape' },
  resource: { name: 'search.kind.resource', color: 'teal' },
  person: { name: 'search.kind.person', color: 'orange' },
};

/** The badge naming a result's kind. */
function KindBadge(props: { kind: SearchKind }) {
  const { _ } = useLingui();
  const kind = kindBadges[props.kind];
  return (
    <Badge color={kind.color} variant="light" tt="none" size="sm" style={{ alignSelf: 'flex-start' }}>
      {_(kind.name)}
    </Badge>
  );
}

/**
 * One result: its kind, its title linking to it, the snippet with the matched words marked, its
 * community; a person is their card (photo, name, unit, the expertise the words matched).
 */
export function SearchResultItem(props: { result: SearchResult }) {
  const { result } = props;
  const headingId = `result-${result.kind}-${result.id}`;
  if (result.person) {
    return (
      <PersonCard
        person={result.person}
        label={<KindBadge kind="person" />}
        matchedExpertise={result.person.matchedExpertise}
        titleSize="h4"
      />
    );
  }
  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <KindBadge kind={result.kind} />
          {result.community && result.kind !== 'community' ? (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              <Trans
                id="search.result.in"
                values={{ community: <>{result.community.name}</> }}
                components={{
                  link: <Anchor component={Link} to={`/communities/${result.community.slug}`} inherit />,
                }}
              />
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
