import { useLingui } from '@lingui/react';
import { Button, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { createProjectBody, projectLimits } from '../../../common/contracts/projects.ts';
import { useCreateProject } from '../../api/projects.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

/** Starting a project: a title and a goal; the person starting it is its first lead. */
export function NewProjectForm(props: { slug: string; onCancel: () => void }) {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const create = useCreateProject(props.slug);
  const { field, message, busy, submit } = useApiForm({
    initialValues: { title: '', goal: '' },
    schema: createProjectBody,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <form
      onSubmit={submit(
        (body) => create.mutateAsync(body),
        (created) => void navigate(`/projects/${created.id}`),
      )}
      noValidate
      aria-labelledby="new-project-title"
    >
      <Stack gap="md" maw={640} mb="lg">
        <Title order={3} size="h4" id="new-project-title" ref={heading} tabIndex={-1}>
          {_('projects.new.title')}
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
            {_('projects.new.submit')}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            {_('projects.new.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
