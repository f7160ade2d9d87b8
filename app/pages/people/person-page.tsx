import { useLingui } from '@lingui/react';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { usePerson } from '../../api/people.ts';
import { useMe } from '../../api/queries.ts';
import type { Person } from '../../api/types.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { TagList } from '../../components/tag-list.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { monthYear } from '../../lib/dates.ts';
import { SkillSessionLinks } from '../mentoring/skill-session-links.tsx';
import { PersonBadges } from './person-badges.tsx';

/** The ids of the words for each kind of person (as on the People page; translated when shown). */
const personKindMessages = {
  staff: 'people.kind.staff',
  student: 'people.kind.student',
  external: 'people.kind.external',
} as const;

const roleLabels = {
  administrator: 'people.role.administrator',
  coordinator: 'people.role.coordinator',
  member: 'people.role.member',
} as const;

function Profile(props: { person: Person; isMe: boolean }) {
  const { _ } = useLingui();
  const { person, isMe } = props;
  useDocumentTitle(person.displayName);
  const details = [person.pronouns, _(personKindMessages[person.kind]), person.unit?.name]
    .filter(Boolean)
    .join(' · ');
  const expertiseLink = (tag: string) => `/people?expertise=${encodeURIComponent(tag)}`;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Group gap="lg" wrap="nowrap" align="center" style={{ minWidth: 0 }}>
          <PersonAvatar name={person.displayName} photoUrl={person.photoUrl} size={88} />
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={1} tabIndex={-1} data-page-title style={{ overflowWrap: 'anywhere' }}>
              {person.displayName}
            </Title>
            {details ? <Text c="dimmed">{details}</Text> : null}
            <Group gap="xs">
              {person.role !== 'member' ? (
                <Badge variant="light" color="gray" tt="none">
                  {_(roleLabels[person.role])}
                </Badge>
              ) : null}
              <Text size="sm" c="dimmed">
                {_('people.profile.joined', { date: monthYear(person.joinedAt) })}
              </Text>
            </Group>
          </Stack>
        </Group>
        {isMe ? (
          <Button component={Link} to="/settings/profile" variant="default">
            {_('people.profile.edit')}
          </Button>
        ) : null}
      </Group>

      <Card>
        <Title order={2} size="h3" mb="sm">
          {_('people.profile.about')}
        </Title>
        {person.bioHtml.trim() ? (
          // bioHtml is Markdown rendered and sanitised on the server (raw HTML off, links checked).
          // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised Markdown
          <div className="prose" dangerouslySetInnerHTML={{ __html: person.bioHtml }} />
        ) : (
          <Text size="sm" c="dimmed">
            {isMe ? _('people.profile.noBioMine') : _('people.profile.noBio', { name: person.displayName })}
          </Text>
        )}
      </Card>

      <Group grow align="stretch" wrap="wrap" gap="lg" style={{ rowGap: 'var(--mantine-spacing-lg)' }}>
        <Card miw={260}>
          <Title order={2} size="h3" mb="sm">
            {_('people.profile.expertise')}
          </Title>
          <TagList
            label={_('people.profile.expertise')}
            tags={person.expertise}
            empty={_('people.profile.noExpertise')}
            linkTo={expertiseLink}
          />
          <SkillSessionLinks skills={person.expertise} />
        </Card>
        <Card miw={260}>
          <Title order={2} size="h3" mb="sm">
            {_('people.profile.interests')}
          </Title>
          <TagList
            label={_('people.profile.interests')}
            tags={person.interests}
            empty={_('people.profile.noInterests')}
          />
          <SkillSessionLinks skills={person.interests} />
        </Card>
      </Group>
      <PersonBadges personId={person.id} name={person.displayName} isMe={isMe} />
    </Stack>
  );
}

/** /people/:id: a colleague's profile. */
export function PersonPage() {
  const { _ } = useLingui();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const person = usePerson(id);

  if (person.isPending) {
    return (
      <>
        <PageHeader title={_('people.profile.title')} />
        <PageLoader />
      </>
    );
  }
  if (person.isError) {
    const missing =
      person.error instanceof ApiError && (person.error.status === 404 || person.error.status === 400);
    return (
      <>
        <PageHeader title={missing ? _('people.profile.notFound.title') : _('people.profile.title')} />
        {missing ? (
          <EmptyState
            title={_('people.profile.notFound.heading')}
            action={
              <Button component={Link} to="/people" variant="light" mt="sm">
                {_('people.profile.notFound.find')}
              </Button>
            }
          >
            {_('people.profile.notFound.text')}
          </EmptyState>
        ) : (
          <LoadError error={person.error} onRetry={() => void person.refetch()} />
        )}
      </>
    );
  }
  return <Profile person={person.data} isMe={me?.id === person.data.id} />;
}
