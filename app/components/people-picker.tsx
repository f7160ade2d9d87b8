import { useLingui } from '@lingui/react';
import { Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { usePeopleMatches } from '../api/search.ts';
import type { PersonSummary } from '../api/types.ts';
import { PersonAvatar } from './person-avatar.tsx';
import { personKindMessages } from './person-card.tsx';

/** A chosen person: enough to show their name after the search moves on. */
export interface PickedPerson {
  id: string;
  displayName: string;
}

/**
 * Choose people by searching the directory of colleagues (GET /api/people?q=): a combobox that lists
 * matches as you type (two letters or more) and keeps the chosen ones as removable pills.
 * `exclude` leaves people out of the matches (yourself, for instance); `canPick` explains who cannot
 * be chosen (external guests cannot lead).
 */
export function PeoplePicker(props: {
  label: string;
  description?: ReactNode;
  value: PickedPerson[];
  onChange: (people: PickedPerson[]) => void;
  exclude?: string[];
  max?: number;
  error?: string | boolean | undefined;
  name?: string;
  canPick?: (person: PersonSummary) => boolean;
}) {
  const { _ } = useLingui();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const results = usePeopleMatches(q);

  const excluded = new Set(props.exclude ?? []);
  const found = (q.length >= 2 ? (results.data?.data ?? []) : []).filter(
    (person) => !excluded.has(person.id) && (props.canPick?.(person) ?? true),
  );
  const byId = new Map<string, PersonSummary>(found.map((person) => [person.id, person]));
  const options = [
    ...props.value.map((person) => ({ value: person.id, label: person.displayName })),
    ...found
      .filter((person) => !props.value.some((picked) => picked.id === person.id))
      .map((person) => ({ value: person.id, label: person.displayName })),
  ];

  const onChange = (ids: string[]) => {
    const next = ids.map(
      (id) =>
        props.value.find((person) => person.id === id) ?? {
          id,
          displayName: byId.get(id)?.displayName ?? '',
        },
    );
    props.onChange(next);
    setSearch('');
  };

  const nothingFound =
    search.trim().length < 2
      ? _('layout.peoplePicker.tooShort')
      : results.isFetching || q !== search.trim()
        ? _('layout.peoplePicker.searching')
        : _('layout.peoplePicker.noMatch');

  return (
    <MultiSelect
      label={props.label}
      description={props.description}
      placeholder={props.value.length === 0 ? _('layout.peoplePicker.placeholder') : undefined}
      data={options}
      value={props.value.map((person) => person.id)}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched: show its answers as they are.
      filter={({ options: all }) => all}
      hidePickedOptions
      nothingFoundMessage={nothingFound}
      maxValues={props.max}
      error={props.error}
      name={props.name}
      data-field={props.name}
      clearable
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const person = byId.get(option.value);
        return (
          <Group gap="sm" wrap="nowrap">
            <PersonAvatar name={option.label} photoUrl={person?.photoUrl ?? null} size={28} />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={550}>
                {option.label}
              </Text>
              {person ? (
                <Text size="xs" c="dimmed">
                  {[_(personKindMessages[person.kind]), person.unit?.name].filter(Boolean).join(' · ')}
                </Text>
              ) : null}
            </Stack>
          </Group>
        );
      }}
    />
  );
}
