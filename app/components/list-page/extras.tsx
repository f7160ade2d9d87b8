// The list page's parts that the directory (a landing page, which loads index.ts whole) does not use:
// imported from this file, so they travel as one chunk of their own, fetched by the lists that use them.
import { Anchor, Button, Card, Group, Stack, TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';

/**
 * One item of a list of cards (`<li>`, for a PlainList), named by its title, which links to it: the
 * lines under the title (`children`) beside what stands out (`aside`: status badges).
 */
export function LinkCard(props: {
  /** The title link's id, which names the item. */
  id: string;
  to: string;
  title: ReactNode;
  children: ReactNode;
  aside: ReactNode;
}) {
  return (
    <Card component="li" padding="md" aria-labelledby={props.id}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Anchor
            component={Link}
            to={props.to}
            fw={650}
            c="forest.9"
            underline="hover"
            id={props.id}
            style={{ overflowWrap: 'anywhere' }}
          >
            {props.title}
          </Anchor>
          {props.children}
        </Stack>
        <Stack gap={6} align="flex-end">
          {props.aside}
        </Stack>
      </Group>
    </Card>
  );
}

/**
 * A search box whose words apply when sent (Enter, or the button beside it), not as they are typed: a
 * form named by the box's label. It starts with `initial` (the words in the address, say).
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
