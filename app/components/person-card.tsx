import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { PersonSummary } from '../api/types.ts';
import { PersonAvatar } from './person-avatar.tsx';
import { TagList } from './tag-list.tsx';

export const kindLabels = { staff: 'Staff', student: 'Student', external: 'External' } as const;

/** A colleague in a list: photo, name (linking to the profile), pronouns, unit and expertise. */
export function PersonCard(props: { person: PersonSummary }) {
  const { person } = props;
  return (
    <Card component="article" h="100%" aria-labelledby={`person-${person.id}`}>
      <Group wrap="nowrap" align="flex-start" gap="md">
        <PersonAvatar name={person.displayName} photoUrl={person.photoUrl} size={52} />
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={2} size="h3" id={`person-${person.id}`}>
            <Anchor component={Link} to={`/people/${person.id}`} inherit underline="hover" c="forest.9">
              {person.displayName}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            {[person.pronouns, kindLabels[person.kind], person.unit?.name].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      </Group>
      {person.expertise.length > 0 ? (
        <Group mt="md" gap={6} wrap="wrap">
          <TagList label="Expertise" tags={person.expertise.slice(0, 8)} size="md" />
          {person.expertise.length > 8 ? (
            <Text size="xs" c="dimmed">
              +{person.expertise.length - 8} more
            </Text>
          ) : null}
        </Group>
      ) : null}
    </Card>
  );
}
