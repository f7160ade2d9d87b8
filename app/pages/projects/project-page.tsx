import { useLingui } from '@lingui/react';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Project } from '../../../common/contracts/projects.ts';
import { ApiError } from '../../api/client.ts';
import { useProject, useProjectActions } from '../../api/projects.ts';
import { useMe } from '../../api/queries.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { failureMessage } from '../../hooks/form-errors.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { InvitePartnerForm } from './invite-partner-form.tsx';
import { EditProjectForm } from './project-form.tsx';
import { projectRoleLabels, projectStatusLabels } from './project-text.ts';
import { Milestones, Outputs, Tasks } from './project-work.tsx';

/**
 * /projects/:id: a project's goal, members, milestones, tasks and outputs. Its members (partners
 * included) add milestones, tasks and outputs, and may leave it; its leads edit its title and goal,
 * make members leads, invite partners and complete it.
 */
export function ProjectPage() {
  const { _ } = useLingui();
  const id = useParams().id ?? '';
  const project = useProject(id);
  useDocumentTitle(project.data?.title ?? _('projects.tab.title'));
  if (project.isPending) return <PageLoader label={_('projects.tab.title')} />;
  if (project.isError) {
    const missing = project.error instanceof ApiError && project.error.status === 404;
    return (
      <LoadError
        error={project.error}
        title={_('projects.errorLoading')}
        {...(missing ? {} : { onRetry: () => void project.refetch() })}
      />
    );
  }
  return <ProjectView project={project.data} />;
}

function ProjectView(props: { project: Project }) {
  const { _ } = useLingui();
  const { project } = props;
  const { data: me } = useMe();
  const navigate = useNavigate();
  const actions = useProjectActions(project.id);
  const { setStatus, removeMember, setRole, leave } = actions;
  const [editing, setEditing] = useState(false);
  const [leaving, setLeaving] = useState(false);
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        {me?.confinedToProjects ? (
          <Anchor component={Link} to="/projects" size="sm">
            {_('projects.mine.title')}
          </Anchor>
        ) : (
          <Anchor component={Link} to={`/communities/${project.community.slug}/projects`} size="sm">
            {_('projects.page.back', { community: project.community.name })}
          </Anchor>
        )}
        <Group gap="sm" wrap="wrap">
          <Title order={1} tabIndex={-1} data-page-title style={{ overflowWrap: 'anywhere' }}>
            {project.title}
          </Title>
          <Badge variant="light" color={project.status === 'active' ? 'forest' : 'gray'}>
            {_(projectStatusLabels[project.status])}
          </Badge>
        </Group>
      </Stack>
      <Card component="section" aria-labelledby="project-goal">
        <Stack gap="sm">
          <Title order={2} size="h3" id="project-goal">
            {_('projects.page.goal')}
          </Title>
          {editing ? (
            <EditProjectForm project={project} onDone={() => setEditing(false)} />
          ) : (
            <Text style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{project.goal}</Text>
          )}
          <Text size="sm" c="dimmed">
            {_('projects.page.private')}
          </Text>
          <FormAlert message={setStatus.isError ? failureMessage(setStatus.error) : null} />
          {project.abilities.manage && !editing ? (
            <Group>
              <Button variant="default" onClick={() => setEditing(true)}>
                {_('projects.page.edit')}
              </Button>
              <Button
                variant="default"
                loading={setStatus.isPending}
                onClick={() => setStatus.mutate('completed')}
              >
                {_('projects.page.complete')}
              </Button>
            </Group>
          ) : null}
          {project.status === 'completed' && project.viewerRole === 'lead' ? (
            <Group>
              <Button
                variant="default"
                loading={setStatus.isPending}
                onClick={() => setStatus.mutate('active')}
              >
                {_('projects.page.reopen')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Card>
      <Card component="section" aria-labelledby="project-members">
        <Stack gap="sm">
          <Title order={2} size="h3" id="project-members">
            {_('projects.page.members')}
          </Title>
          <Stack component="ul" gap={4} className="plain-list">
            {project.members.map((member) => (
              <li key={member.id}>
                <Text span style={{ overflowWrap: 'anywhere' }}>
                  {member.displayName}
                </Text>
                <Text span size="sm" c="dimmed">
                  {' '}
                  ({_(projectRoleLabels[member.role])})
                </Text>
                {project.abilities.manage && member.id !== me?.id && member.role !== 'partner' ? (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    ml="xs"
                    loading={setRole.isPending && setRole.variables.userId === member.id}
                    onClick={() =>
                      setRole.mutate({ userId: member.id, role: member.role === 'lead' ? 'member' : 'lead' })
                    }
                  >
                    {_(member.role === 'lead' ? 'projects.page.makeMember' : 'projects.page.makeLead', {
                      name: member.displayName,
                    })}
                  </Button>
                ) : null}
                {project.abilities.manage && member.id !== me?.id ? (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    ml="xs"
                    loading={removeMember.isPending && removeMember.variables === member.id}
                    onClick={() => removeMember.mutate(member.id)}
                  >
                    {_('projects.page.remove', { name: member.displayName })}
                  </Button>
                ) : null}
              </li>
            ))}
          </Stack>
          <FormAlert message={removeMember.isError ? failureMessage(removeMember.error) : null} />
          <FormAlert message={setRole.isError ? failureMessage(setRole.error) : null} />
          {project.abilities.manage ? <InvitePartnerForm projectId={project.id} /> : null}
          {project.abilities.leave && me ? (
            <Group>
              <Button variant="default" color="red" onClick={() => setLeaving(true)}>
                {_('projects.page.leave')}
              </Button>
            </Group>
          ) : null}
          <ConfirmDialog
            opened={leaving}
            title={_('projects.page.leaveTitle')}
            message={_('projects.page.leaveText')}
            confirmLabel={_('projects.page.leaveConfirm')}
            onConfirm={async () => {
              await leave.mutateAsync(me?.id ?? '');
              void navigate('/projects');
            }}
            onClose={() => setLeaving(false)}
          />
        </Stack>
      </Card>
      <Milestones project={project} />
      <Tasks project={project} />
      <Outputs project={project} />
    </Stack>
  );
}
