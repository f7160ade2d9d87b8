import { useLingui } from '@lingui/react';
import { Card } from '@mantine/core';
import { useMyProjects } from '../../api/projects.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { ProjectList } from './project-list.tsx';

/** /projects: the projects the viewer takes part in; for an external partner, all they see of Copse. */
export function MyProjectsPage() {
  const { _ } = useLingui();
  const projects = useMyProjects();
  return (
    <>
      <PageHeader title={_('projects.mine.title')} description={_('projects.mine.intro')} />
      <Card>
        {projects.isPending ? (
          <PageLoader label={_('projects.mine.title')} />
        ) : projects.isError ? (
          <LoadError
            error={projects.error}
            title={_('projects.errorLoading')}
            onRetry={() => void projects.refetch()}
          />
        ) : projects.data.length === 0 ? (
          <EmptyState title={_('projects.mine.title')}>{_('projects.mine.empty')}</EmptyState>
        ) : (
          <ProjectList projects={projects.data} label={_('projects.mine.title')} />
        )}
      </Card>
    </>
  );
}
