import { useLingui } from '@lingui/react';
import { Anchor, Badge, Card, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { PersonKind } from '../../common/enums.ts';
import type { MessageId } from '../../common/i18n/message-id.ts';
import type { PersonSummary } from '../api/types.ts';
import { PersonAvatar } from './person-avatar.tsx';
import { TagList } from './tag-list.tsx';

/** English only: pages not yet translated still use it. Text for people: `_(personKindMessages[kind])`. */
export const kindLabels = { staff: 'Staff', student: 'Student', external: 'External' } as const;

/** The catalog ids of the kinds of people: staff, student, from outside the institution. */
export const personKindMessages: Record<PersonKind, MessageId> = {
  staff: 'layout.personKind.staff',
  student: 'layout.personKind.student',
  external: 'layout.personKind.external',
};

/**
 * A colleague in a list: photo, name (linking to the profile), pronouns, unit and expertise. In search
 * results, `label` (the result's kind) shows above the name and the expertise a search matched comes
 * first, marked.
 */
export function PersonCard(props: {
  person: PersonSummary;
  label?: ReactNode;
  matchedExpertise?: string[];
  titleSize?: 'h3' | 'h4';
}) {
  const { _ } = useLingui();
  const { person } = props;
  const matched = props.matchedExpertise ?? [];
  const expertise = [...matched, ...person.expertise.filter((tag) => !matched.includes(tag))];
  return (
    <Card component="article" h="100%" aria-labelledby={`person-${person.id}`}>
      <Group wrap="nowrap" align="flex-start" gap="md">
        <PersonAvatar name={person.displayName} photoUrl={person.photoUrl} size={52} />
        <Stack gap={4} style={{ minWidth: 0 }}>
          {props.label}
          <Title
            order={2}
            size={props.titleSize ?? 'h3'}
            id={`person-${person.id}`}
            style={{ overflowWrap: 'anywhere' }}
          >
            <Anchor component={Link} to={`/people/${person.id}`} inherit underline="hover" c="forest.9">
              {person.displayName}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            {[person.pronouns, _(personKindMessages[person.kind]), person.unit?.name]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
      </Group>
      {expertise.length > 0 ? (
        <Group mt="md" gap={6} wrap="wrap">
          {matched.length > 0 ? (
            <Group
              gap={6}
              component="ul"
              aria-label={_('layout.personCard.expertise')}
              className="plain-list"
            >
              {expertise.slice(0, 8).map((tag) => (
                <li key={tag}>
                  <Badge
                    variant={matched.includes(tag) ? 'filled' : 'light'}
                    color="forest"
                    radius="sm"
                    size="md"
                    tt="none"
                    fw={550}
                  >
                    {tag}
                    {matched.includes(tag) ? (
                      <VisuallyHidden> {_('layout.personCard.matches')}</VisuallyHidden>
                    ) : null}
                  </Badge>
                </li>
              ))}
            </Group>
          ) : (
            <TagList label={_('layout.personCard.expertise')} tags={expertise.slice(0, 8)} size="md" />
          )}
          {expertise.length > 8 ? (
            <Text size="xs" c="dimmed">
              {_('layout.personCard.more', { count: expertise.length - 8 })}
            </Text>
          ) : null}
        </Group>
      ) : null}
    </Card>
  );
}
