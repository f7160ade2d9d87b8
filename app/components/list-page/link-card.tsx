import { Anchor, Card, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * One item of a list of cards (`<li>`, for a PlainList), named by its title, which links to it: the
 * lines under the title (`children`) beside what stands out (`aside`: status badges).
 * Imported from this file, not index.ts (which the directory loads whole).
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
