import { useLingui } from '@lingui/react';
import { Anchor, Card, Group, Title } from '@mantine/core';
import { Link } from 'react-router';

/** A skill-building session's skills (#18 §5), each leading to the other sessions that build it. */
export function SessionSkills(props: { skills: string[] }) {
  const { _ } = useLingui();
  return (
    <Card component="section" aria-labelledby="session-skills-title">
      <Title order={2} size="h3" id="session-skills-title" mb="xs">
        {_('meetings.skills.title')}
      </Title>
      <Group gap="sm" wrap="wrap">
        {props.skills.map((skill) => (
          <Anchor key={skill} component={Link} to={`/skill-sessions?skill=${encodeURIComponent(skill)}`}>
            {skill}
          </Anchor>
        ))}
      </Group>
    </Card>
  );
}
