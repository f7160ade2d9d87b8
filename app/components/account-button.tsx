import { useLingui } from '@lingui/react';
import { Group, Text, UnstyledButton, type UnstyledButtonProps } from '@mantine/core';
import type { ComponentPropsWithRef } from 'react';
import type { Me } from '../api/types.ts';
import { ChevronDownIcon } from './icons.tsx';
import { PersonAvatar } from './person-avatar.tsx';

let openRequested = false;

/** Remembers a press on the button while the menu is still loading. */
export function requestOpen(): void {
  openRequested = true;
}

/** Whether the button was pressed before the menu had loaded (asked once, by the menu as it mounts). */
export function takeOpenRequest(): boolean {
  const requested = openRequested;
  openRequested = false;
  return requested;
}

/** The avatar, name and chevron that open the account menu; the same before and after it loads. */
export function AccountButton({
  person,
  ...others
}: { person: Me } & UnstyledButtonProps & ComponentPropsWithRef<'button'>) {
  const { _ } = useLingui();
  return (
    <UnstyledButton
      aria-label={_('layout.account.menuFor', { name: person.displayName })}
      aria-haspopup="menu"
      style={{ borderRadius: 999 }}
      {...others}
    >
      <Group gap={6} wrap="nowrap">
        <PersonAvatar name={person.displayName} photoUrl={person.photoUrl} size={34} />
        <Text size="sm" fw={550} visibleFrom="xl" maw={160} truncate>
          {person.displayName}
        </Text>
        <ChevronDownIcon size={16} />
      </Group>
    </UnstyledButton>
  );
}
