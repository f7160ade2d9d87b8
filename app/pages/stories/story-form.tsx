import { useLingui } from '@lingui/react';
import { Stack, Textarea, TextInput } from '@mantine/core';
import {
  type StoryLink,
  storyLimits,
  updateStoryBody,
  valueCycles,
} from '../../../common/contracts/stories.ts';
import type { StoryBody } from '../../api/stories.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { cycleMessages } from '../../lib/story-cycles.ts';
import { LinkPicker } from './link-picker.tsx';

export interface StoryFormValues {
  title: string;
  immediate: string;
  potential: string;
  applied: string;
  realised: string;
  transformative: string;
  meetingIds: string[];
  threadIds: string[];
  resourceIds: string[];
  [key: string]: unknown;
}

export const emptyStory: StoryFormValues = {
  title: '',
  immediate: '',
  potential: '',
  applied: '',
  realised: '',
  transformative: '',
  meetingIds: [],
  threadIds: [],
  resourceIds: [],
};

/**
 * The story in five cycles (#17 §2), each explained in plain words, and what it links to. Checked with
 * the API's own rules (common/contracts/stories.ts) so the messages on the fields are the server's.
 */
export function StoryForm(props: {
  slug: string;
  initialValues: StoryFormValues;
  /** Titles of the links chosen already. */
  known: StoryLink[];
  submitLabel: string;
  onSubmit: (body: StoryBody) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { _ } = useLingui();
  const { field, message, busy, submit } = useApiForm({
    initialValues: props.initialValues,
    schema: updateStoryBody,
  });
  const picker = (
    kind: 'meeting' | 'thread' | 'resource',
    path: 'meetingIds' | 'threadIds' | 'resourceIds',
  ) => {
    const { value, onChange, error } = field(path);
    return (
      <LinkPicker
        slug={props.slug}
        kind={kind}
        value={value as string[]}
        onChange={(ids) => onChange(ids)}
        known={props.known}
        error={typeof error === 'string' ? error : undefined}
      />
    );
  };
  return (
    <form onSubmit={submit(props.onSubmit, props.onDone)} noValidate aria-label={props.submitLabel}>
      <Stack gap="md">
        <FormAlert message={message} />
        <TextInput
          label={_('stories.form.title')}
          description={_('stories.form.titleHelp')}
          name="title"
          maxLength={storyLimits.titleMax}
          required
          {...field('title')}
        />
        {valueCycles.map((cycle) => (
          <Textarea
            key={cycle}
            label={`${_(cycleMessages[cycle].name)}: ${_(cycleMessages[cycle].question)}`}
            description={_(cycleMessages[cycle].help)}
            name={cycle}
            autosize
            minRows={2}
            maxRows={10}
            {...field(cycle)}
          />
        ))}
        {picker('resource', 'resourceIds')}
        {picker('meeting', 'meetingIds')}
        {picker('thread', 'threadIds')}
        <FormActions submitLabel={props.submitLabel} busy={busy} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
