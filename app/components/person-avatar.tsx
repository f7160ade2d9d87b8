import { Avatar, type MantineSize } from '@mantine/core';

/** A person's photo, or their initials on a calm background; decorative next to their name. */
export function PersonAvatar(props: { name: string; photoUrl: string | null; size?: MantineSize | number }) {
  const initials = props.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
  return (
    <Avatar src={props.photoUrl} alt="" size={props.size ?? 'md'} radius="xl" color="forest" variant="light">
      <span aria-hidden="true">{initials}</span>
    </Avatar>
  );
}
