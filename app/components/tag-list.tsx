import { Badge, Group, Text } from '@mantine/core';
import { Link } from 'react-router';

/** Tags as a list; with `linkTo`, each tag links to a search for it. */
export function TagList(props: {
  label: string;
  tags: string[];
  empty?: string;
  linkTo?: (tag: string) => string;
  size?: 'sm' | 'md' | 'lg';
}) {
  if (props.tags.length === 0) {
    return props.empty ? (
      <Text size="sm" c="dimmed">
        {props.empty}
      </Text>
    ) : null;
  }
  const size = props.size ?? 'lg';
  return (
    <Group
      gap={6}
      component="ul"
      aria-label={props.label}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {props.tags.map((tag) => (
        <li key={tag}>
          {props.linkTo ? (
            <Badge
              variant="light"
              color="forest"
              radius="sm"
              size={size}
              tt="none"
              fw={550}
              component={Link}
              to={props.linkTo(tag)}
              style={{ cursor: 'pointer' }}
            >
              {tag}
            </Badge>
          ) : (
            <Badge variant="light" color="forest" radius="sm" size={size} tt="none" fw={550}>
              {tag}
            </Badge>
          )}
        </li>
      ))}
    </Group>
  );
}
