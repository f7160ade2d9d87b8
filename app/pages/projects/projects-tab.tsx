import { useLingui } from '@lingui/react';
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useCommunityProjects } from '../../api/projects.ts';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCommunity } from '../communities/community-context.ts';
import { NewProjectForm } from './project-form.tsx';
import { ProjectList } from './project-list.tsx';

/**
 * /communities/:slug/projects: the community's projects the viewer may know of (leaders and coordinators:
 * all; members: their own), and "Start a project" for its members.
 */
export function ProjectsTab() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(`${_('projects.tab.title')} · ${home.community.name}`);
  const projects = useCommunityProjects(slug);
  const [starting, setStarting] = useState(false);
  const canCreate = projects.data?.canCreate ?? false;
  return (
    <Card component="section" aria-labelledby="projects-title">
      <Group justify="space-between" gap="sm" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="projects-title">
          {_('projects.tab.title')}
        </Title>
        {canCreate && !starting ? (
          <Button onClick={() => setStarting(true)}>{_('projects.tab.new')}</Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {_('projects.tab.intro')}
      </Text>
      {starting ? <NewProjectForm slug={slug} onCancel={() => setStarting(false)} /> : null}
      {projects.isPending ? (
        <PageLoader label={_('projects.tab.title')} />
      ) : projects.isError ? (
        <LoadError
          error={projects.error}
          title={_('projects.errorLoading')}
          onRetry={() => void projects.refetch()}
        />
      ) : projects.data.projects.length === 0 ? (
        <EmptyState title={_('projects.tab.title')}>
          {canCreate ? _('projects.tab.empty') : _('projects.tab.emptyNonMember')}
        </EmptyState>
      ) : (
        <ProjectList projects={projects.data.projects} label={_('projects.list.label')} />
      )}
    </Card>
  );
}
