import { useLingui } from '@lingui/react';
import { Button, Group, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type FormState, issueText } from '../../hooks/use-form-state.ts';
import { type RepeatKind, repeatChoices, repeatKinds, repeatLabel } from '../../lib/recurrence.ts';
import { dateInputField, type MeetingFormValues } from './meeting-form-values.ts';

type Set = <K extends keyof MeetingFormValues>(key: K, value: MeetingFormValues[K]) => void;

function isRepeatKind(value: string): value is RepeatKind {
  return (repeatKinds as readonly string[]).includes(value);
}

/** Dates to skip in a series: a date input, an Add button, and the list with a Remove button each. */
function ExceptionDates(props: { values: MeetingFormValues; set: Set; form: FormState }) {
  const { _ } = useLingui();
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const listError = Object.entries(props.form.fields).find(([key]) => key.startsWith('exceptions'))?.[1];
  const add = () => {
    const parsed = dateInputField().safeParse(date);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(issue ? issueText(issue) : _('meetings.repeatFields.enterDate'));
      return;
    }
    setProblem(null);
    if (!props.values.exceptions.includes(parsed.data))
      props.set('exceptions', [...props.values.exceptions, parsed.data].sort());
    setDate('');
  };
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="date"
          label={_('meetings.repeatFields.skip')}
          description={_('meetings.repeatFields.skipHint')}
          name="exceptions"
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
          error={problem ?? listError}
        />
        <Button variant="default" onClick={add}>
          {_('meetings.repeatFields.addDate')}
        </Button>
      </Group>
      {props.values.exceptions.length > 0 ? (
        <ul className="row-list" aria-label={_('meetings.repeatFields.skipped')}>
          {props.values.exceptions.map((day) => (
            <li key={day}>
              <Group justify="space-between" py={4} gap="sm">
                <Text size="sm">{day}</Text>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  aria-label={_('meetings.repeatFields.stopSkipping', { date: day })}
                  onClick={() =>
                    props.set(
                      'exceptions',
                      props.values.exceptions.filter((d) => d !== day),
                    )
                  }
                >
                  {_('common.action.remove')}
                </Button>
              </Group>
            </li>
          ))}
        </ul>
      ) : null}
    </Stack>
  );
}

/** How a new meeting repeats: the choices that fit its start date, when the series ends, dates to skip. */
export function RepeatFields(props: { values: MeetingFormValues; set: Set; form: FormState }) {
  const { _ } = useLingui();
  const { values, set, form } = props;
  const choices = repeatChoices(values.startsAt);
  return (
    <Stack gap="sm">
      <NativeSelect
        label={_('meetings.repeatFields.repeats')}
        name="rrule"
        value={values.repeat}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isRepeatKind(value)) set('repeat', value);
        }}
        data={choices.map((kind) => ({ value: kind, label: repeatLabel(kind, values.startsAt) }))}
        error={form.error('rrule')}
      />
      {values.repeat !== 'none' ? (
        <>
          <Radio.Group
            label={_('meetings.repeatFields.seriesEnds')}
            name="endKind"
            value={values.endKind}
            onChange={(value) => set('endKind', value === 'until' ? 'until' : 'count')}
          >
            <Group gap="lg" mt="xs">
              <Radio value="count" label={_('meetings.repeatFields.afterCount')} />
              <Radio value="until" label={_('meetings.repeatFields.onDate')} />
            </Group>
          </Radio.Group>
          {values.endKind === 'count' ? (
            <TextInput
              type="number"
              label={_('meetings.repeatFields.count')}
              name="count"
              min={2}
              max={200}
              value={values.count}
              onChange={(event) => set('count', event.currentTarget.value)}
              error={form.error('count')}
              maw={220}
            />
          ) : (
            <TextInput
              type="date"
              label={_('meetings.repeatFields.lastDate')}
              name="until"
              value={values.until}
              onChange={(event) => set('until', event.currentTarget.value)}
              error={form.error('until')}
              maw={220}
            />
          )}
          <ExceptionDates values={values} set={set} form={form} />
        </>
      ) : null}
    </Stack>
  );
}
