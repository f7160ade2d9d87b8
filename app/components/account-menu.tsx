import { Group, Text, UnstyledButton, type UnstyledButtonProps } from '@mantine/core';
import { type ComponentPropsWithRef, lazy, Suspense } from 'react';
import type { Me } from '../api/types.ts';
import { ChevronDownIcon } from './icons.tsx';
import { PersonAvatar } from './person-avatar.tsx';

const AccountMenuPopup = lazy(async () => ({
  default: (await import('./account-menu-popup.tsx')).AccountMenuPopup,
}));

let openRequested = false;

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
  return (
    <UnstyledButton
      aria-label={`Account menu for ${person.displayName}`}
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

/**
 * The signed-in person's menu. The menu itself (account-menu-popup.tsx) is not part of the first load:
 * its button is drawn at once, the menu loads right after, and a press in between opens it on arrival.
 */
export function AccountMenu(props: { me: Me }) {
  return (
    <Suspense
      fallback={
        <AccountButton
          person={props.me}
          onClick={() => {
            openRequested = true;
          }}
        />
      }
    >
      <AccountMenuPopup me={props.me} />
    </Suspense>
  );
}
