import { useLingui } from '@lingui/react';
import { Checkbox, MultiSelect, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useMentoringSkills } from '../../api/mentoring.ts';
import type { MeetingFormValues } from './meeting-form-values.ts';

/** A meeting as a skill-building session (#18 §5): the choice, and the skills (expertise tags) it builds. */
export function SkillSessionFields(props: { form: UseFormReturnType<MeetingFormValues> }) {
  const { _ } = useLingui();
  const { form } = props;
  const skills = useMentoringSkills();
  const values = form.getValues();
  return (
    <Stack gap="xs">
      <Checkbox
        label={_('meetings.skills.session')}
        description={_('meetings.skills.sessionHint')}
        checked={values.skillSession}
        onChange={(event) => form.setFieldValue('skillSession', event.currentTarget.checked)}
      />
      {values.skillSession ? (
        <MultiSelect
          label={_('meetings.skills.label')}
          data={[...new Set([...(skills.data ?? []).map((row) => row.skill), ...values.skills])]}
          value={values.skills}
          onChange={(chosen) => form.setFieldValue('skills', chosen)}
          searchable
          maxValues={10}
          error={form.errors.skills}
          maw={560}
        />
      ) : null}
    </Stack>
  );
}
