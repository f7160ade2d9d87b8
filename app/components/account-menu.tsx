import { Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { apiSend } from '../api/client.ts';
import { keys } from '../api/queries.ts';
import type { Me } from '../api/types.ts';
import { ChevronDownIcon } from './icons.tsx';
import { PersonAvatar } from './person-avatar.tsx';

/** The signed-in person's menu: their profile, their proposals, settings and signing out. */
export function AccountMenu(props: { me: Me }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const signOut = async () => {
    try {
      await apiSend('POST', '/auth/signout');
    } finally {
      queryClient.clear();
      queryClient.setQueryData(keys.me, null);
      await navigate('/signin', { replace: true, state: { signedOut: true } });
    }
  };

  return (
    <Menu position="bottom-end" width={220} shadow="md" withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${props.me.displayName}`} style={{ borderRadius: 999 }}>
          <Group gap={6} wrap="nowrap">
            <PersonAvatar name={props.me.displayName} photoUrl={props.me.photoUrl} size={34} />
            <Text size="sm" fw={550} visibleFrom="xl" maw={160} truncate>
              {props.me.displayName}
            </Text>
            <ChevronDownIcon size={16} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to={`/people/${props.me.id}`}>
          Profile
        </Menu.Item>
        <Menu.Item component={Link} to="/proposals">
          Your proposals
        </Menu.Item>
        <Menu.Item component={Link} to="/settings/profile">
          Settings
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => void signOut()}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
