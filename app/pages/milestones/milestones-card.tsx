import { useLingui } from '@lingui/react';
import { Anchor, Blockquote, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Milestone } from '../../../common/contracts/milestones.ts';
import { milestoneNoteMax } from '../../../common/enums.ts';
import { ApiError } from '../../api/client.ts';
import { useCommunityMilestones, useNoteMilestone } from '../../api/milestones.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { failureMessage } from '../../hooks/form-errors.ts';
import { dateOnly } from '../../lib/dates.ts';
import { useMilestoneLabel } from './milestone-label.ts';

const rowBorder = { borderTop: '1px solid var(--mantine-color-gray-3)' };

/** On the community's About tab: its milestones, newest first, with the leaders' word on each. */
export function MilestonesCard(props: { slug: string }) {
  const { _ } = useLingui();
  const query = useCommunityMilestones(props.slug);
  return (
    <Card component="section" aria-labelledby="milestones-title">
      <Title order={2} size="h3" mb="sm" id="milestones-title">
        {_('milestones.title')}
      </Title>
      {query.isPending ? (
        <PageLoader label={_('milestones.loading')} />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.milestones.length === 0 ? (
        <Text size="sm" c="dimmed">
          {_('milestones.empty')}
        </Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {query.data.milestones.map((milestone, index) => (
            <MilestoneRow
              key={milestone.id}
              slug={props.slug}
              milestone={milestone}
              canAddNote={query.data.canAddNote}
              first={index === 0}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}

function MilestoneRow(props: { slug: string; milestone: Milestone; canAddNote: boolean; first: boolean }) {
  const { _ } = useLingui();
  const { milestone } = props;
  const label = useMilestoneLabel();
  const [editing, setEditing] = useState(false);
  return (
    <li style={props.first ? undefined : rowBorder}>
      <Stack gap={4} py="xs">
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {milestone.resource ? (
            <Anchor component={Link} to={`/resources/${milestone.resource.id}`} inherit>
              {label(milestone)}
            </Anchor>
          ) : (
            label(milestone)
          )}
        </Text>
        <Text size="sm" c="dimmed">
          {milestone.celebrated
            ? _('milestones.reached', { date: dateOnly(milestone.reachedAt) })
            : _('milestones.reachedBefore')}
        </Text>
        {milestone.note && !editing ? (
          <Blockquote p="xs" color="forest" cite={`— ${milestone.noteByName ?? ''}`}>
            {milestone.note}
          </Blockquote>
        ) : null}
        {props.canAddNote && !editing ? (
          <Group>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setEditing(true)}
              aria-label={
                milestone.note
                  ? _('milestones.editNoteFor', { milestone: label(milestone) })
                  : _('milestones.addNoteFor', { milestone: label(milestone) })
              }
            >
              {milestone.note ? _('milestones.editNote') : _('milestones.addNote')}
            </Button>
          </Group>
        ) : null}
        {editing ? (
          <NoteForm
            slug={props.slug}
            milestone={milestone}
            label={label(milestone)}
            onDone={() => setEditing(false)}
          />
        ) : null}
      </Stack>
    </li>
  );
}

function NoteForm(props: { slug: string; milestone: Milestone; label: string; onDone: () => void }) {
  const { _ } = useLingui();
  const save = useNoteMilestone(props.slug);
  const [note, setNote] = useState(props.milestone.note ?? '');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ id: props.milestone.id, note }, { onSuccess: props.onDone });
      }}
    >
      <Stack gap="xs">
        <FormAlert message={save.isError ? failureMessage(save.error) : null} />
        <Textarea
          label={_('milestones.noteLabel', { milestone: props.label })}
          error={save.error instanceof ApiError && save.error.fields.note ? true : undefined}
          description={_('milestones.noteHelp')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={milestoneNoteMax}
          autosize
          minRows={2}
          data-autofocus
          autoFocus
        />
        <Group gap="xs">
          <Button type="submit" size="compact-md" loading={save.isPending}>
            {_('milestones.saveNote')}
          </Button>
          <Button variant="default" size="compact-md" onClick={props.onDone}>
            {_('common.action.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
