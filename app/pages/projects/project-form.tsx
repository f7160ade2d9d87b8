import { useLingui } from '@lingui/react';
import { Button, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import {
  type CreateProjectInput,
  createProjectBody,
  projectLimits,
} from '../../../common/contracts/projects.ts';
import { useCreateProject, useProjectActions } from '../../api/projects.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

/** A project's title and goal: to start one, or for its leads to change them. */
function ProjectForm<T>(props: {
  id: string;
  heading: string;
  submitLabel: string;
  initialValues: CreateProjectInput;
  save: (body: CreateProjectInput) => Promise<T>;
  onSaved: (saved: T) => void;
  onCancel: () => void;
}) {
  const { _ } = useLingui();
  const { field, message, busy, submit } = useApiForm({
    initialValues: props.initialValues,
    schema: createProjectBody,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <form onSubmit={submit(props.save, props.onSaved)} noValidate aria-labelledby={props.id}>
      <Stack gap="md" maw={640} mb="lg">
        <Title order={3} size="h4" id={props.id} ref={heading} tabIndex={-1}>
          {props.heading}
        </Title>
        <FormAlert message={message} />
        <TextInput
          label={_('projects.new.name')}
          name="title"
          required
          maxLength={projectLimits.titleMax}
          {...field('title')}
        />
        <Textarea
          label={_('projects.new.goal')}
          description={_('projects.new.goalHint')}
          name="goal"
          required
          autosize
          minRows={2}
          maxLength={projectLimits.goalMax}
          {...field('goal')}
        />
        <Group gap="sm">
          <Button type="submit" loading={busy}>
            {props.submitLabel}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            {_('projects.new.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Starting a project: a title and a goal; the person starting it is its first lead. */
export function NewProjectForm(props: { slug: string; onCancel: () => void }) {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const create = useCreateProject(props.slug);
  return (
    <ProjectForm
      id="new-project-title"
      heading={_('projects.new.title')}
      submitLabel={_('projects.new.submit')}
      initialValues={{ title: '', goal: '' }}
      save={(body) => create.mutateAsync(body)}
      onSaved={(created) => void navigate(`/projects/${created.id}`)}
      onCancel={props.onCancel}
    />
  );
}

/** The project's leads change its title and goal. */
export function EditProjectForm(props: { project: { id: string } & CreateProjectInput; onDone: () => void }) {
  const { _ } = useLingui();
  const { change } = useProjectActions(props.project.id);
  return (
    <ProjectForm
      id="edit-project-title"
      heading={_('projects.page.editTitle')}
      submitLabel={_('projects.page.save')}
      initialValues={{ title: props.project.title, goal: props.project.goal }}
      save={(body) => change.mutateAsync(body)}
      onSaved={props.onDone}
      onCancel={props.onDone}
    />
  );
}
