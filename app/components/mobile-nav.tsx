import { Divider, Drawer } from '@mantine/core';
import { NavLink } from 'react-router';
import type { Me } from '../api/types.ts';
import { MainNav } from './main-nav.tsx';

/**
 * The navigation drawer of narrow screens. In a chunk of its own (with Mantine's Drawer, focus trap and
 * scroll lock), loaded when the menu button is first pressed; AppLayout keeps it mounted after that so
 * it opens and closes with its transition.
 */
export function MobileNav(props: { opened: boolean; onClose: () => void; me: Me | null | undefined }) {
  const { me, onClose } = props;
  return (
    <Drawer
      opened={props.opened}
      onClose={onClose}
      title="Navigation"
      size="80%"
      id="mobile-nav"
      closeButtonProps={{ 'aria-label': 'Close navigation' }}
    >
      <MainNav me={me} label="Main (menu)" vertical onNavigate={onClose} />
      {me ? (
        <>
          <Divider my="sm" />
          <nav aria-label="Account (menu)">
            <ul className="drawer-list">
              {[
                { to: '/notifications', label: 'Notifications' },
                { to: `/people/${me.id}`, label: 'Your profile' },
                { to: '/proposals', label: 'Your proposals' },
                { to: '/settings/profile', label: 'Settings' },
              ].map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className="nav-link drawer-link" onClick={onClose}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </>
      ) : null}
    </Drawer>
  );
}
