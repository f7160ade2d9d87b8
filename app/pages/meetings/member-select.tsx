import { useLingui } from '@lingui/react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useMemberSearch } from '../../api/meetings.ts';

export interface PickedMember {
  id: string;
  displayName: string;
}

/**
 * Choose one of a community's members: a searchable select over GET /communities/:slug/members?q=,
 * the current choice kept as an option while the search moves on.
 */
export function MemberSelect(props: {
  slug: string;
  label: string;
  value: PickedMember | null;
  onChange: (member: PickedMember | null) => void;
  placeholder?: string;
  error?: string | boolean | undefined;
  name?: string;
}) {
  const { _ } = useLingui();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const members = useMemberSearch(props.slug, q, 20, 'select');
  const found = members.data?.data ?? [];
  const options = [
    ...(props.value ? [{ value: props.value.id, label: props.value.displayName }] : []),
    ...found.filter((m) => m.id !== props.value?.id).map((m) => ({ value: m.id, label: m.displayName })),
  ];
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder ?? _('meetings.memberSelect.placeholder')}
      data={options}
      value={props.value?.id ?? null}
      onChange={(id) => {
        if (!id) return props.onChange(null);
        const label = options.find((option) => option.value === id)?.label ?? '';
        props.onChange({ id, displayName: label });
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={
        members.isFetching ? _('meetings.memberSelect.searching') : _('meetings.memberSelect.noMatch')
      }
      clearable
      error={props.error}
      name={props.name}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
