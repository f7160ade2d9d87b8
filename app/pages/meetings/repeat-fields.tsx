import { useLingui } from '@lingui/react';
import { Button, Group, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { issueText } from '../../hooks/form-errors.ts';
import { repeatChoices, repeatLabel } from '../../lib/recurrence.ts';
import { dateInputField, type MeetingApiForm } from './meeting-form-values.ts';

/**
 * Dates to skip in a series: a date input, an Add button, and the list with a Remove button each. The
 * date being typed and what is wrong with it belong to the Add button, not to the meeting, so they stay
 * here; the list is the form's `exceptions`.
 */
function ExceptionDates(props: { apiForm: MeetingApiForm }) {
  const { _ } = useLingui();
  const { form } = props.apiForm;
  const { exceptions } = form.values;
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const listError = Object.entries(form.errors).find(([key]) => key.startsWith('exceptions'))?.[1];
  const add = () => {
    const parsed = dateInputField().safeParse(date);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(issue ? issueText(issue) : _('meetings.repeatFields.enterDate'));
      return;
    }
    setProblem(null);
    if (!exceptions.includes(parsed.data))
      form.setFieldValue('exceptions', [...exceptions, parsed.data].sort());
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
      {exceptions.length > 0 ? (
        <ul className="row-list" aria-label={_('meetings.repeatFields.skipped')}>
          {exceptions.map((day) => (
            <li key={day}>
              <Group justify="space-between" py={4} gap="sm">
                <Text size="sm">{day}</Text>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  aria-label={_('meetings.repeatFields.stopSkipping', { date: day })}
                  onClick={() =>
                    form.setFieldValue(
                      'exceptions',
                      exceptions.filter((d) => d !== day),
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
export function RepeatFields(props: { apiForm: MeetingApiForm }) {
  const { _ } = useLingui();
  const { form, field } = props.apiForm;
  const { values } = form;
  const choices = repeatChoices(values.startsAt);
  return (
    <Stack gap="sm">
      <NativeSelect
        label={_('meetings.repeatFields.repeats')}
        name="rrule"
        {...field('repeat')}
        data={choices.map((kind) => ({ value: kind, label: repeatLabel(kind, values.startsAt) }))}
        // The API names the rule it builds from these choices `rrule`.
        error={field('rrule').error}
      />
      {values.repeat !== 'none' ? (
        <>
          <Radio.Group label={_('meetings.repeatFields.seriesEnds')} name="endKind" {...field('endKind')}>
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
              {...field('count')}
              maw={220}
            />
          ) : (
            <TextInput
              type="date"
              label={_('meetings.repeatFields.lastDate')}
              name="until"
              {...field('until')}
              maw={220}
            />
          )}
          <ExceptionDates apiForm={props.apiForm} />
        </>
      ) : null}
    </Stack>
  );
}
