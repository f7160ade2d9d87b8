import { useLingui } from '@lingui/react';
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
import { type MeetingKind, meetingKindMessages, meetingKinds } from '../../../common/enums.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import type { FormState } from '../../hooks/use-form-state.ts';
import { repeatChoices } from '../../lib/recurrence.ts';
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
  const { _ } = useLingui();
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
            label={_('meetings.form.scope')}
            name="scope"
            value={values.scope}
            onChange={(value) => set('scope', value === 'following' ? 'following' : 'this')}
            error={form.error('scope')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="this" label={_('meetings.scope.this')} />
              <Radio value="following" label={_('meetings.scope.following')} />
            </Stack>
          </Radio.Group>
        ) : null}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NativeSelect
              label={_('meetings.form.kind')}
              name="kind"
              value={values.kind}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isKind(value)) set('kind', value);
              }}
              data={meetingKinds.map((kind) => ({ value: kind, label: _(meetingKindMessages[kind]) }))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label={_('meetings.form.title')}
              name="title"
              value={values.title}
              onChange={(event) => set('title', event.currentTarget.value)}
              error={form.error('title')}
              required
            />
          </Grid.Col>
        </Grid>
        <MarkdownField
          label={_('meetings.form.description')}
          name="description"
          description={_('meetings.form.descriptionHint')}
          value={values.description}
          onChange={(value) => set('description', value)}
          error={form.error('description')}
          empty={_('meetings.form.nothingToPreview')}
        />
        <MarkdownField
          label={_('meetings.form.agenda')}
          name="agenda"
          description={_('meetings.form.agendaHint')}
          value={values.agenda}
          onChange={(value) => set('agenda', value)}
          error={form.error('agenda')}
          empty={_('meetings.form.nothingToPreview')}
        />
        <Stack gap="sm" component="fieldset" className="plain-fieldset">
          <Text component="legend" fw={650} size="lg" mb="xs">
            {_('meetings.form.when')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              type="datetime-local"
              label={_('meetings.form.starts')}
              name="startsAt"
              value={values.startsAt}
              onChange={(event) => set('startsAt', event.currentTarget.value)}
              error={form.error('startsAt')}
              required
            />
            <TextInput
              type="datetime-local"
              label={_('meetings.form.ends')}
              name="endsAt"
              value={values.endsAt}
              onChange={(event) => set('endsAt', event.currentTarget.value)}
              error={form.error('endsAt')}
              required
            />
            <Select
              label={_('meetings.form.timeZone')}
              name="timeZone"
              searchable
              data={zones}
              value={values.timeZone}
              onChange={(zone) => set('timeZone', zone ?? values.timeZone)}
              error={form.error('timeZone')}
              allowDeselect={false}
              limit={50}
              nothingFoundMessage={_('meetings.form.noZone')}
            />
          </SimpleGrid>
          {props.mode === 'schedule' ? <RepeatFields values={values} set={set} form={form} /> : null}
        </Stack>
        <Stack gap="sm" component="fieldset" className="plain-fieldset">
          <Text component="legend" fw={650} size="lg" mb="xs">
            {_('meetings.form.where')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              type="url"
              label={_('meetings.form.onlineUrl')}
              name="onlineUrl"
              placeholder="https://"
              description={_('meetings.form.onlineUrlHint')}
              value={values.onlineUrl}
              onChange={(event) => set('onlineUrl', event.currentTarget.value)}
              error={form.error('onlineUrl')}
            />
            <TextInput
              label={_('meetings.form.room')}
              name="room"
              description={_('meetings.form.roomHint')}
              value={values.room}
              onChange={(event) => set('room', event.currentTarget.value)}
              error={form.error('room')}
            />
          </SimpleGrid>
          <TextInput
            type="number"
            label={_('meetings.form.capacity')}
            name="capacity"
            min={1}
            description={_('meetings.form.capacityHint')}
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
            {_('meetings.form.editNotice')}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}
