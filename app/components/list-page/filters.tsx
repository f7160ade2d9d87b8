import {
  NativeSelect,
  type NativeSelectProps,
  Stack,
  type StackProps,
  TextInput,
  type TextInputProps,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { SearchIcon } from '../icons.tsx';

/** The controls that narrow a list, as a search landmark named `label`. */
export function FilterBar(props: { label: string; gap?: StackProps['gap']; children: ReactNode }) {
  return (
    <search aria-label={props.label}>
      <Stack gap={props.gap ?? 'sm'} mb="lg">
        {props.children}
      </Stack>
    </search>
  );
}

/** A search box (magnifier, `type="search"`) that hands over its text as it changes. */
export function SearchField(
  props: Omit<TextInputProps, 'type' | 'value' | 'onChange' | 'leftSection'> & {
    value: string;
    onChange: (value: string) => void;
    /** The magnifier's size: 18 beside a `md` box, else 16 unless said. */
    iconSize?: number;
  },
) {
  const { onChange, iconSize, ...rest } = props;
  return (
    <TextInput
      type="search"
      leftSection={<SearchIcon size={iconSize ?? (props.size === 'md' ? 18 : 16)} />}
      onChange={(event) => onChange(event.currentTarget.value)}
      {...rest}
    />
  );
}

/**
 * A select that narrows a list to one value; with `all`, a first choice (value '') takes the filter
 * away ("All units", "Any format").
 */
export function FilterSelect(
  props: Omit<NativeSelectProps, 'data' | 'value' | 'onChange'> & {
    value: string;
    onChange: (value: string) => void;
    all?: string;
    options: readonly { value: string; label: string }[];
  },
) {
  const { onChange, all, options, ...rest } = props;
  return (
    <NativeSelect
      onChange={(event) => onChange(event.currentTarget.value)}
      data={all === undefined ? [...options] : [{ value: '', label: all }, ...options]}
      {...rest}
    />
  );
}

/**
 * A one-word filter (a topic, an expertise) typed freely: it applies, trimmed and in lower case, on
 * Enter and on leaving the box when it changed, not at every key; a new `value` from the address (the
 * back button, a link) replaces what was typed.
 */
export function TagFilterField(props: {
  label: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const word = (input: HTMLInputElement) => input.value.trim().toLowerCase();
  return (
    <TextInput
      label={props.label}
      placeholder={props.placeholder}
      defaultValue={props.value}
      key={props.value}
      onBlur={(event) => {
        const value = word(event.currentTarget);
        if (value !== props.value) props.onChange(value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          props.onChange(word(event.currentTarget));
        }
      }}
    />
  );
}
