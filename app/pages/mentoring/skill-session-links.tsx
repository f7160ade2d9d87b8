import { useLingui } from '@lingui/react';
import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';

/** On a profile: from each skill to the upcoming sessions that build it (#18 §5). */
export function SkillSessionLinks(props: { skills: string[] }) {
  const { _ } = useLingui();
  if (props.skills.length === 0) return null;
  return (
    <Group gap={6} mt="sm" wrap="wrap">
      <Text size="sm" c="dimmed">
        {_('mentoring.sessions.linksLabel')}
      </Text>
      {props.skills.map((skill) => (
        <Anchor
          key={skill}
          component={Link}
          to={`/skill-sessions?skill=${encodeURIComponent(skill)}`}
          size="sm"
        >
          {skill}
        </Anchor>
      ))}
    </Group>
  );
}
