import { useLingui } from '@lingui/react';
import { Group, Pill, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useMentionSearch } from '../../api/discussions.ts';
import { PersonAvatar } from '../person-avatar.tsx';

/** A person mentioned in a post: their id goes to the server, their name into the text. */
export interface Mention {
  id: string;
  displayName: string;
}

/**
 * "Mention someone": a combobox over the community's members (GET /communities/:slug/members?q=, two
 * letters or more). Choosing one calls `onPick` (the form inserts "@Name" in the text); the people
 * mentioned so far show as removable chips, and each is told when the post is sent.
 */
export function MentionPicker(props: {
  slug: string;
  value: Mention[];
  onPick: (person: Mention) => void;
  onRemove: (id: string) => void;
  error?: ReactNode;
}) {
  const { _ } = useLingui();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const results = useMentionSearch(props.slug, q);
  const picked = new Set(props.value.map((person) => person.id));
  const found = (q.length >= 2 ? (results.data?.data ?? []) : []).filter((person) => !picked.has(person.id));
  const byId = new Map(found.map((person) => [person.id, person]));
  const nothingFound =
    search.trim().length < 2
      ? _('discussions.mention.typeMore')
      : results.isFetching || q !== search.trim()
        ? _('discussions.mention.searching')
        : _('discussions.mention.noMatch');
  return (
    <Stack gap={6}>
      <Select
        label={_('discussions.mention.label')}
        description={_('discussions.mention.description')}
        placeholder={_('discussions.mention.placeholder')}
        data={found.map((person) => ({ value: person.id, label: person.displayName }))}
        value={null}
        onChange={(id) => {
          const person = id ? byId.get(id) : undefined;
          if (!person) return;
          props.onPick({ id: person.id, displayName: person.displayName });
          setSearch('');
        }}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        nothingFoundMessage={nothingFound}
        error={props.error}
        data-field="mentions"
        comboboxProps={{ withinPortal: true }}
        renderOption={({ option }) => (
          <Group gap="sm" wrap="nowrap">
            <PersonAvatar name={option.label} photoUrl={byId.get(option.value)?.photoUrl ?? null} size={28} />
            <Text size="sm">{option.label}</Text>
          </Group>
        )}
      />
      {props.value.length > 0 ? (
        <Group gap={6} aria-label={_('discussions.mention.picked')} role="group">
          {props.value.map((person) => (
            <Pill
              key={person.id}
              withRemoveButton
              onRemove={() => props.onRemove(person.id)}
              removeButtonProps={{
                'aria-label': _('discussions.mention.remove', { name: person.displayName }),
              }}
            >
              @{person.displayName}
            </Pill>
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}

/** Adds "@Name" to the end of the text (with a space before it when needed). */
function withMention(text: string, person: Mention): string {
  const gap = text === '' || /\s$/.test(text) ? '' : ' ';
  return `${text}${gap}@${person.displayName} `;
}

/** The field error of any mention (the server names the position: mentions.2), from a form's errors. */
function mentionError(fields: Record<string, ReactNode>): ReactNode {
  const key = Object.keys(fields).find((name) => name === 'mentions' || name.startsWith('mentions.'));
  return key ? fields[key] : undefined;
}

/** What `mentionProps` needs of a post's form (@mantine/form's, with `body` and `mentions` fields). */
interface PostForm {
  errors: Record<string, ReactNode>;
  getValues: () => { mentions: Mention[] };
  setFieldValue(path: 'mentions', value: (current: Mention[]) => Mention[]): void;
  setFieldValue(path: 'body', value: (current: string) => string): void;
}

/** The picker's props for a post's form: picking adds the person, and "@Name" to the text. */
export function mentionProps(form: PostForm) {
  return {
    value: form.getValues().mentions,
    onPick: (person: Mention) => {
      form.setFieldValue('mentions', (current) => [...current, person]);
      form.setFieldValue('body', (current) => withMention(current, person));
    },
    onRemove: (id: string) =>
      form.setFieldValue('mentions', (current) => current.filter((person) => person.id !== id)),
    error: mentionError(form.errors),
  };
}
