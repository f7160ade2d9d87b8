import { useLingui } from '@lingui/react';
import { Checkbox, Fieldset, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState } from 'react';
import type { StoryLink } from '../../../common/contracts/stories.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { type StoryLinkKind, useStoryLinkOptions } from '../../api/stories.ts';
import { dateOnly } from '../../lib/dates.ts';

const pickerMessages: Record<StoryLinkKind, { legend: MessageId; search: MessageId; none: MessageId }> = {
  meeting: {
    legend: 'stories.links.meetings',
    search: 'stories.links.findMeeting',
    none: 'stories.links.noMeetings',
  },
  thread: {
    legend: 'stories.links.threads',
    search: 'stories.links.findThread',
    none: 'stories.links.noThreads',
  },
  resource: {
    legend: 'stories.links.resources',
    search: 'stories.links.findResource',
    none: 'stories.links.noResources',
  },
};

/**
 * One kind of link for the story form: a search box and check boxes for what the server offers (only
 * what the author may see in the community); the ones chosen stay listed first while one searches.
 */
export function LinkPicker(props: {
  slug: string;
  kind: StoryLinkKind;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Titles of links chosen before (an edited story, the resource the story starts from). */
  known: StoryLink[];
  error?: string | undefined;
}) {
  const { _ } = useLingui();
  const messages = pickerMessages[props.kind];
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const options = useStoryLinkOptions(props.slug, props.kind, q);
  // Titles of everything seen so far, so a chosen link keeps its label when a search hides it.
  const titles = useRef(new Map<string, StoryLink>());
  for (const link of [...props.known, ...(options.data ?? [])]) titles.current.set(link.id, link);
  const chosen = props.value.flatMap((id) => titles.current.get(id) ?? []);
  const offered = (options.data ?? []).filter((option) => !props.value.includes(option.id));
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.value, id] : props.value.filter((other) => other !== id));
  return (
    <Fieldset legend={_(messages.legend)} variant="unstyled">
      <Stack gap="xs">
        <TextInput
          label={_(messages.search)}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          rightSection={options.isFetching ? <Loader size="xs" aria-hidden /> : null}
        />
        {[...chosen, ...offered].map((link) => (
          <Checkbox
            key={link.id}
            checked={props.value.includes(link.id)}
            onChange={(event) => toggle(link.id, event.currentTarget.checked)}
            label={link.title}
            description={dateOnly(link.at)}
            styles={{ label: { overflowWrap: 'anywhere' } }}
          />
        ))}
        {!options.isPending && chosen.length + offered.length === 0 ? (
          <Text size="sm" c="dimmed">
            {_(messages.none)}
          </Text>
        ) : null}
        {props.error ? (
          <Text size="sm" c="red.8" role="alert">
            {props.error}
          </Text>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
