import { useLingui } from '@lingui/react';
import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Link } from 'react-router';
import { type Project, projectLimits } from '../../../common/contracts/projects.ts';
import { ApiError } from '../../api/client.ts';
import { useProjectActions } from '../../api/projects.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { failureMessage, focusFirstInvalid } from '../../hooks/form-errors.ts';
import { dateOnly } from '../../lib/dates.ts';

const dayText = (day: string) => dateOnly(`${day}T12:00:00`);

/** The field errors of a failed request, by field. */
function fieldsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fields : {};
}

/** A section of the project page: a title, its list (or the empty text), and the form to add to it. */
function Section(props: {
  id: string;
  title: string;
  empty: string;
  count: number;
  children: ReactNode;
  form: ReactNode;
}) {
  return (
    <Card component="section" aria-labelledby={props.id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={props.id}>
          {props.title}
        </Title>
        {props.count === 0 ? <Text c="dimmed">{props.empty}</Text> : props.children}
        {props.form}
      </Stack>
    </Card>
  );
}

/** A small add form: sends, then clears itself on success. */
function AddForm(props: {
  label: string;
  submit: string;
  busy: boolean;
  error: unknown;
  onSubmit: () => Promise<unknown>;
  children: ReactNode;
}) {
  const form = useRef<HTMLFormElement>(null);
  const send = (event: FormEvent) => {
    event.preventDefault();
    void props.onSubmit().catch(() => focusFirstInvalid(form.current));
  };
  return (
    <form noValidate aria-label={props.label} onSubmit={send} ref={form}>
      <Stack gap="xs" maw={640}>
        <FormAlert message={props.error ? failureMessage(props.error) : null} />
        <Group gap="sm" align="flex-end" wrap="wrap">
          {props.children}
          <Button type="submit" variant="light" loading={props.busy}>
            {props.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function Milestones(props: { project: Project }) {
  const { _ } = useLingui();
  const { project } = props;
  const actions = useProjectActions(project.id);
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const fields = fieldsOf(actions.addMilestone.error);
  return (
    <Section
      id="project-milestones"
      title={_('projects.milestones.title')}
      empty={_('projects.milestones.empty')}
      count={project.milestones.length}
      form={
        project.abilities.work ? (
          <AddForm
            label={_('projects.milestones.add')}
            submit={_('projects.milestones.add')}
            busy={actions.addMilestone.isPending}
            error={actions.addMilestone.error}
            onSubmit={async () => {
              await actions.addMilestone.mutateAsync({ title, dueOn });
              setTitle('');
              setDueOn('');
            }}
          >
            <TextInput
              label={_('projects.milestones.name')}
              value={title}
              maxLength={projectLimits.itemTitleMax}
              onChange={(event) => setTitle(event.currentTarget.value)}
              error={fields.title}
              style={{ flex: '2 1 14rem' }}
            />
            <TextInput
              label={_('projects.milestones.dueOn')}
              type="date"
              value={dueOn}
              onChange={(event) => setDueOn(event.currentTarget.value)}
              error={fields.dueOn}
              style={{ flex: '1 1 10rem' }}
            />
          </AddForm>
        ) : null
      }
    >
      <FormAlert
        message={actions.markMilestone.isError ? failureMessage(actions.markMilestone.error) : null}
      />
      <Stack component="ul" gap="xs" className="plain-list">
        {project.milestones.map((milestone) => (
          <li key={milestone.id}>
            <Checkbox
              label={milestone.title}
              description={_('projects.milestones.due', { date: dayText(milestone.dueOn) })}
              checked={milestone.doneAt !== null}
              disabled={!project.abilities.work}
              onChange={(event) =>
                actions.markMilestone.mutate({ itemId: milestone.id, done: event.currentTarget.checked })
              }
            />
          </li>
        ))}
      </Stack>
    </Section>
  );
}

export function Tasks(props: { project: Project }) {
  const { _ } = useLingui();
  const { project } = props;
  const actions = useProjectActions(project.id);
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const fields = fieldsOf(actions.addTask.error);
  return (
    <Section
      id="project-tasks"
      title={_('projects.tasks.title')}
      empty={_('projects.tasks.empty')}
      count={project.tasks.length}
      form={
        project.abilities.work ? (
          <AddForm
            label={_('projects.tasks.add')}
            submit={_('projects.tasks.add')}
            busy={actions.addTask.isPending}
            error={actions.addTask.error}
            onSubmit={async () => {
              await actions.addTask.mutateAsync({ title, ownerId: ownerId || null, dueOn: dueOn || null });
              setTitle('');
              setOwnerId('');
              setDueOn('');
            }}
          >
            <TextInput
              label={_('projects.tasks.name')}
              value={title}
              maxLength={projectLimits.itemTitleMax}
              onChange={(event) => setTitle(event.currentTarget.value)}
              error={fields.title}
              style={{ flex: '2 1 14rem' }}
            />
            <NativeSelect
              label={_('projects.tasks.owner')}
              value={ownerId}
              onChange={(event) => setOwnerId(event.currentTarget.value)}
              error={fields.ownerId}
              style={{ flex: '1 1 10rem' }}
              data={[
                { value: '', label: _('projects.tasks.noOwner') },
                ...project.members.map((member) => ({ value: member.id, label: member.displayName })),
              ]}
            />
            <TextInput
              label={_('projects.tasks.dueOn')}
              type="date"
              value={dueOn}
              onChange={(event) => setDueOn(event.currentTarget.value)}
              error={fields.dueOn}
              style={{ flex: '1 1 10rem' }}
            />
          </AddForm>
        ) : null
      }
    >
      <FormAlert message={actions.markTask.isError ? failureMessage(actions.markTask.error) : null} />
      <Stack component="ul" gap="xs" className="plain-list">
        {project.tasks.map((task) => (
          <li key={task.id}>
            <Checkbox
              label={task.title}
              description={[
                task.owner?.displayName ?? _('projects.tasks.noOwner'),
                ...(task.dueOn ? [dayText(task.dueOn)] : []),
              ].join(' · ')}
              checked={task.status === 'done'}
              disabled={!project.abilities.work}
              onChange={(event) =>
                actions.markTask.mutate({
                  itemId: task.id,
                  status: event.currentTarget.checked ? 'done' : 'open',
                })
              }
            />
          </li>
        ))}
      </Stack>
    </Section>
  );
}

export function Outputs(props: { project: Project }) {
  const { _ } = useLingui();
  const { project } = props;
  const actions = useProjectActions(project.id);
  const [kind, setKind] = useState<'publication' | 'resource'>('publication');
  const [title, setTitle] = useState('');
  const [citation, setCitation] = useState('');
  const [url, setUrl] = useState('');
  const fields = fieldsOf(actions.addOutput.error);
  return (
    <Section
      id="project-outputs"
      title={_('projects.outputs.title')}
      empty={_('projects.outputs.empty')}
      count={project.outputs.length}
      form={
        project.abilities.work ? (
          <AddForm
            label={_('projects.outputs.add')}
            submit={_('projects.outputs.add')}
            busy={actions.addOutput.isPending}
            error={actions.addOutput.error}
            onSubmit={async () => {
              await actions.addOutput.mutateAsync({ kind, title, citation, ...(url ? { url } : {}) });
              setTitle('');
              setCitation('');
              setUrl('');
            }}
          >
            <NativeSelect
              label={_('projects.outputs.kind')}
              value={kind}
              onChange={(event) =>
                setKind(event.currentTarget.value === 'resource' ? 'resource' : 'publication')
              }
              style={{ flex: '1 1 12rem' }}
              data={[
                { value: 'publication', label: _('projects.outputs.kindPublication') },
                { value: 'resource', label: _('projects.outputs.kindResource') },
              ]}
            />
            <TextInput
              label={_('projects.outputs.name')}
              value={title}
              maxLength={projectLimits.itemTitleMax}
              onChange={(event) => setTitle(event.currentTarget.value)}
              error={fields.title}
              style={{ flex: '2 1 14rem' }}
            />
            <TextInput
              label={_('projects.outputs.citation')}
              value={citation}
              maxLength={projectLimits.citationMax}
              onChange={(event) => setCitation(event.currentTarget.value)}
              error={fields.citation}
              style={{ flex: '2 1 14rem' }}
            />
            <TextInput
              label={_('projects.outputs.url')}
              type="url"
              value={url}
              onChange={(event) => setUrl(event.currentTarget.value)}
              error={fields.url}
              style={{ flex: '2 1 14rem' }}
            />
          </AddForm>
        ) : null
      }
    >
      <Stack component="ul" gap="xs" className="plain-list">
        {project.outputs.map((output) => (
          <li key={output.id}>
            <Stack gap={0}>
              {output.url ? (
                <Anchor href={output.url} fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {output.title}
                </Anchor>
              ) : (
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {output.title}
                </Text>
              )}
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {[
                  output.kind === 'resource'
                    ? _('projects.outputs.kindResource')
                    : _('projects.outputs.kindPublication'),
                  ...(output.citation ? [output.citation] : []),
                ].join(' · ')}
              </Text>
              {output.resourceId && project.viewerRole !== 'partner' ? (
                <Anchor component={Link} to={`/resources/${output.resourceId}`} size="sm">
                  {_('projects.outputs.inToolkit')}
                </Anchor>
              ) : null}
            </Stack>
          </li>
        ))}
      </Stack>
    </Section>
  );
}
