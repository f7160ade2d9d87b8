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
import { meetingKindMessages, meetingKinds } from '../../../common/enums.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { repeatChoices } from '../../lib/recurrence.ts';
import { errorText } from './input-error.ts';
import type { MeetingApiForm } from './meeting-form-values.ts';
import { RepeatFields } from './repeat-fields.tsx';
import { SkillSessionFields } from './skill-session-fields.tsx';

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
  apiForm: MeetingApiForm;
  /** The page's `submit(…)`: checks with its schema and sends. */
  onSubmit: (event: FormEvent) => void;
  submitLabel: string;
  cancel: ReactNode;
  inSeries?: boolean;
}) {
  const { _ } = useLingui();
  const { form, field, message, busy } = props.apiForm;
  const { values } = form;
  const zones = useZones(values.timeZone);
  const setStart = (startsAt: string) => {
    form.setFieldValue('startsAt', startsAt);
    // A new start date may not fit the monthly choice any more: take the one that does.
    const choices = repeatChoices(startsAt);
    if (!choices.includes(form.getValues().repeat))
      form.setFieldValue('repeat', choices.includes('monthly') ? 'monthly' : 'monthly_last');
  };
  return (
    <form onSubmit={props.onSubmit} noValidate>
      <Stack gap="lg">
        <FormAlert message={message} />
        {props.mode === 'edit' && props.inSeries ? (
          <Radio.Group label={_('meetings.form.scope')} name="scope" {...field('scope')}>
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
              {...field('kind')}
              data={meetingKinds.map((kind) => ({ value: kind, label: _(meetingKindMessages[kind]) }))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput label={_('meetings.form.title')} name="title" {...field('title')} required />
          </Grid.Col>
        </Grid>
        <MarkdownField
          label={_('meetings.form.description')}
          name="description"
          description={_('meetings.form.descriptionHint')}
          value={values.description}
          onChange={(value) => form.setFieldValue('description', value)}
          error={errorText(field('description').error)}
          empty={_('meetings.form.nothingToPreview')}
        />
        <MarkdownField
          label={_('meetings.form.agenda')}
          name="agenda"
          description={_('meetings.form.agendaHint')}
          value={values.agenda}
          onChange={(value) => form.setFieldValue('agenda', value)}
          error={errorText(field('agenda').error)}
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
              {...field('startsAt')}
              onChange={(event) => setStart(event.currentTarget.value)}
              required
            />
            <TextInput
              type="datetime-local"
              label={_('meetings.form.ends')}
              name="endsAt"
              {...field('endsAt')}
              required
            />
            <Select
              label={_('meetings.form.timeZone')}
              name="timeZone"
              searchable
              data={zones}
              {...field('timeZone')}
              onChange={(zone) => {
                if (zone) form.setFieldValue('timeZone', zone);
              }}
              allowDeselect={false}
              limit={50}
              nothingFoundMessage={_('meetings.form.noZone')}
            />
          </SimpleGrid>
          {props.mode === 'schedule' ? <RepeatFields apiForm={props.apiForm} /> : null}
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
              {...field('onlineUrl')}
            />
            <TextInput
              label={_('meetings.form.room')}
              name="room"
              description={_('meetings.form.roomHint')}
              {...field('room')}
            />
          </SimpleGrid>
          <TextInput
            type="number"
            label={_('meetings.form.capacity')}
            name="capacity"
            min={1}
            description={_('meetings.form.capacityHint')}
            {...field('capacity')}
            maw={320}
          />
          <SkillSessionFields form={form} />
        </Stack>
        <Group>
          <Button type="submit" loading={busy}>
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
