import { useLingui } from '@lingui/react';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ProjectSummary } from '../../../common/contracts/projects.ts';
import { projectRoleLabels, projectStatusLabels } from './project-text.ts';

/** A list of projects: title (a link), goal, size, status and the viewer's role. */
export function ProjectList(props: {
  projects: (ProjectSummary & { community?: { name: string } })[];
  label: string;
}) {
  const { _ } = useLingui();
  return (
    <Stack gap={0} component="ul" className="plain-list" aria-label={props.label}>
      {props.projects.map((project) => (
        <Group
          component="li"
          key={project.id}
          justify="space-between"
          gap="sm"
          py="sm"
          wrap="wrap"
          align="flex-start"
        >
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
            <Anchor
              component={Link}
              to={`/projects/${project.id}`}
              fw={600}
              style={{ overflowWrap: 'anywhere' }}
            >
              {project.title}
            </Anchor>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {project.goal}
            </Text>
            <Text size="sm" c="dimmed">
              {[
                _('projects.list.members', { count: project.memberCount }),
                ...(project.community ? [_('projects.mine.in', { community: project.community.name })] : []),
              ].join(' · ')}
            </Text>
          </Stack>
          <Group gap="xs">
            <Badge variant="light" color={project.status === 'active' ? 'forest' : 'gray'}>
              {_(projectStatusLabels[project.status])}
            </Badge>
            {project.viewerRole ? (
              <Badge variant="outline" color="forest">
                {_(projectRoleLabels[project.viewerRole])}
              </Badge>
            ) : null}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
