import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';

/**
 * A search box whose words apply when sent (Enter, or the button beside it), not as they are typed: a
 * form named by the box's label. It starts with `initial` (the words in the address, say).
 * Imported from this file, not index.ts (which the directory loads whole).
 */
export function SubmitSearch(props: {
  label: string;
  description?: string;
  button: string;
  initial?: string;
  onSearch: (words: string) => void;
}) {
  const [words, setWords] = useState(props.initial ?? '');
  return (
    <form
      aria-label={props.label}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSearch(words.trim());
      }}
    >
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label={props.label}
          description={props.description}
          name="q"
          type="search"
          value={words}
          onChange={(event) => setWords(event.currentTarget.value)}
          style={{ flex: '1 1 14rem' }}
        />
        <Button type="submit" variant="light">
          {props.button}
        </Button>
      </Group>
    </form>
  );
}
