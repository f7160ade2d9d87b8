import { useLingui } from '@lingui/react';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useSkillSessions } from '../../api/skill-sessions.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateTime } from '../../lib/dates.ts';

/** Upcoming skill-building sessions (#18 §5): for one skill, or for the reader's own skills. */
function SessionList(props: { skill?: string; quietWhenEmpty?: boolean }) {
  const { _ } = useLingui();
  const sessions = useSkillSessions(props.skill);
  if (sessions.isPending) return <PageLoader label={_('mentoring.sessions.loading')} />;
  if (sessions.isError) return <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  if (sessions.data.length === 0)
    return props.quietWhenEmpty ? null : <Text c="dimmed">{_('mentoring.sessions.none')}</Text>;
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {sessions.data.map((session) => (
        <li key={session.id}>
          <Anchor component={Link} to={`/meetings/${session.id}`} fw={600}>
            {session.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {_('mentoring.sessions.when', {
              when: dateTime(session.startsAt),
              community: session.community.name,
            })}
          </Text>
          <Group gap={4}>
            {session.skills.map((skill) => (
              <Badge key={skill} variant="light" size="sm">
                {skill}
              </Badge>
            ))}
          </Group>
        </li>
      ))}
    </Stack>
  );
}

/** The home page's "Sessions for your skills" (shown only when there are some). */
export function SessionsForYourSkills() {
  const { _ } = useLingui();
  const sessions = useSkillSessions();
  if (!sessions.data || sessions.data.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="skill-sessions-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="skill-sessions-title">
          {_('mentoring.sessions.forYou')}
        </Title>
        <SessionList />
      </Stack>
    </Card>
  );
}

/** /skill-sessions?skill=…: the upcoming sessions that build a skill (linked from profiles). */
export function SkillSessionsPage() {
  const { _ } = useLingui();
  const skill = useSearchParams()[0].get('skill') ?? '';
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader
        title={skill ? _('mentoring.sessions.forSkill', { skill }) : _('mentoring.sessions.forYou')}
        documentTitle={_('mentoring.sessions.documentTitle')}
      />
      <SessionList {...(skill ? { skill } : {})} />
    </Stack>
  );
}
