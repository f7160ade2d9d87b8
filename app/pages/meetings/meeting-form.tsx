import {
  Button,
  Grid,
  Group,
  NativeSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useMemo } from 'react';
import { type MeetingKind, meetingKindLabels, meetingKinds } from '../../../common/enums.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import type { FormState } from '../../hooks/use-form-state.ts';
import { repeatChoices } from '../../lib/recurrence.ts';
import { MarkdownField } from './markdown-field.tsx';
import type { MeetingFormValues } from './meeting-form-values.ts';
import { RepeatFields } from './repeat-fields.tsx';

type Set = <K extends keyof MeetingFormValues>(key: K, value: MeetingFormValues[K]) => void;

function isKind(value: string): value is MeetingKind {
  return (meetingKinds as readonly string[]).includes(value);
}

/** The time zones the browser knows, with the current one first if it is missing (UTC is, in some). */
function useZones(current: string): string[] {
  return useMemo(() => {
    const all = Intl.supportedValuesOf('timeZone');
    return all.includes(current) ? all : [current, ...all];
  }, [current]);
}

/**
 * The fields of a meeting, for scheduling (`mode="schedule"`, with the repeat choices) and editing
 * (`mode="edit"`, with "this meeting" or "this and following" for a series).
 */
export function MeetingForm(props: {
  mode: 'schedule' | 'edit';
  values: MeetingFormValues;
  setValues: (update: (values: MeetingFormValues) => MeetingFormValues) => void;
  form: FormState;
  onSubmit: () => void;
  submitLabel: string;
  cancel: ReactNode;
  inSeries?: boolean;
}) {
  const { values, form } = props;
  const zones = useZones(values.timeZone);
  const set: Set = (key, value) =>
    props.setValues((current) => {
      const next = { ...current, [key]: value };
      // A new start date may not fit the monthly choice any more: take the one that does.
      const choices = repeatChoices(next.startsAt);
      if (key === 'startsAt' && !choices.includes(next.repeat))
        next.repeat = choices.includes('monthly') ? 'monthly' : 'monthly_last';
      return next;
    });
  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        props.onSubmit();
      }}
      noValidate
    >
      <Stack gap="lg">
        <FormAlert message={form.message} />
        {props.mode === 'edit' && props.inSeries ? (
          <Radio.Group
            label="Apply the changes to"
            name="scope"
            value={values.scope}
            onChange={(value) => set('scope', value === 'following' ? 'following' : 'this')}
            error={form.error('scope')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="this" label="This meeting" />
              <Radio value="following" label="This and following meetings" />
            </Stack>
          </Radio.Group>
        ) : null}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NativeSelect
              label="Kind"
              name="kind"
              value={values.kind}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isKind(value)) set('kind', value);
              }}
              data={meetingKinds.map((kind) => ({ value: kind, label: meetingKindLabels[kind] }))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label="Title"
              name="title"
              value={values.title}
              onChange={(event) => set('title', event.currentTarget.value)}
              error={form.error('title')}
              required
            />
          </Grid.Col>
        </Grid>
        <MarkdownField
          label="Description"
          name="description"
          description="What the meeting is about. Markdown works: **bold**, _italic_, lists, [links](https://…)."
          value={values.description}
          onChange={(value) => set('description', value)}
          error={form.error('description')}
          empty="Nothing to preview yet."
        />
        <MarkdownField
          label="Agenda"
          name="agenda"
          description="The plan, one item a line: - Welcome, - Case study…"
          value={values.agenda}
          onChange={(value) => set('agenda', value)}
          error={form.error('agenda')}
          empty="Nothing to preview yet."
        />
        <Stack gap="sm" component="fieldset" className="plain-fieldset">
          <Text component="legend" fw={650} size="lg" mb="xs">
            When
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              type="datetime-local"
              label="Starts"
              name="startsAt"
              value={values.startsAt}
              onChange={(event) => set('startsAt', event.currentTarget.value)}
              error={form.error('startsAt')}
              required
            />
            <TextInput
              type="datetime-local"
              label="Ends"
              name="endsAt"
              value={values.endsAt}
              onChange={(event) => set('endsAt', event.currentTarget.value)}
              error={form.error('endsAt')}
              required
            />
            <Select
              label="Time zone"
              name="timeZone"
              searchable
              data={zones}
              value={values.timeZone}
              onChange={(zone) => set('timeZone', zone ?? values.timeZone)}
              error={form.error('timeZone')}
              allowDeselect={false}
              limit={50}
              nothingFoundMessage="No time zone matches"
            />
          </SimpleGrid>
          {props.mode === 'schedule' ? <RepeatFields values={values} set={set} form={form} /> : null}
        </Stack>
        <Stack gap="sm" component="fieldset" className="plain-fieldset">
          <Text component="legend" fw={650} size="lg" mb="xs">
            Where
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              type="url"
              label="Online link"
              name="onlineUrl"
              placeholder="https://"
              description="The video call people join. Leave empty if it meets in a room only."
              value={values.onlineUrl}
              onChange={(event) => set('onlineUrl', event.currentTarget.value)}
              error={form.error('onlineUrl')}
            />
            <TextInput
              label="Room"
              name="room"
              description="Building and room, for those who come in person."
              value={values.room}
              onChange={(event) => set('room', event.currentTarget.value)}
              error={form.error('room')}
            />
          </SimpleGrid>
          <TextInput
            type="number"
            label="Capacity"
            name="capacity"
            min={1}
            description="How many people can come. Leave empty for no limit; beyond it, people join a wait list."
            value={values.capacity}
            onChange={(event) => set('capacity', event.currentTarget.value)}
            error={form.error('capacity')}
            maw={320}
          />
        </Stack>
        <Group>
          <Button type="submit" loading={form.busy}>
            {props.submitLabel}
          </Button>
          {props.cancel}
        </Group>
        {props.mode === 'edit' ? (
          <Text size="xs" c="dimmed">
            Members who said they are going or maybe are told about the changes.
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}
