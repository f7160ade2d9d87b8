import { useLingui } from '@lingui/react';
import { Menu } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useSignOut } from '../api/account.ts';
import type { Me } from '../api/types.ts';
import { AccountButton, takeOpenRequest } from './account-button.tsx';

/**
 * The signed-in person's menu: their profile, their proposals, settings and signing out. In a chunk of
 * its own (with Mantine's Menu and its positioning library), loaded just after the first page is drawn;
 * account-menu.tsx shows the same button meanwhile and opens this menu if that button was pressed.
 */
export function AccountMenuPopup(props: { me: Me }) {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const endSession = useSignOut();

  const signOut = async () => {
    let endSessionUrl: string | null = null;
    try {
      endSessionUrl = await endSession();
    } finally {
      // Single log-out: the identity provider ends its session too, then sends the browser back here.
      if (endSessionUrl) window.location.assign(endSessionUrl);
      else await navigate('/signin', { replace: true, state: { signedOut: true } });
    }
  };

  return (
    <Menu
      position="bottom-end"
      width={220}
      shadow="md"
      withInitialFocusPlaceholder={false}
      defaultOpened={takeOpenRequest()}
    >
      <Menu.Target>
        <AccountButton person={props.me} />
      </Menu.Target>
      <Menu.Dropdown>
        {/* An external partner (#18 §4) has no public profile and proposes no community. */}
        {props.me.confinedToProjects ? null : (
          <>
            <Menu.Item component={Link} to={`/people/${props.me.id}`}>
              {_('layout.menu.profile')}
            </Menu.Item>
            <Menu.Item component={Link} to="/proposals">
              {_('layout.menu.proposals')}
            </Menu.Item>
          </>
        )}
        <Menu.Item component={Link} to="/settings/profile">
          {_('layout.menu.settings')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => void signOut()}>{_('layout.menu.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
