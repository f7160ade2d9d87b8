import { useLingui } from '@lingui/react';
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
  const { _ } = useLingui();
  const { me, onClose } = props;
  return (
    <Drawer
      opened={props.opened}
      onClose={onClose}
      title={_('layout.mobileNav.title')}
      size="80%"
      id="mobile-nav"
      closeButtonProps={{ 'aria-label': _('layout.nav.close') }}
    >
      <MainNav me={me} label={_('layout.mobileNav.main')} vertical onNavigate={onClose} />
      {me ? (
        <>
          <Divider my="sm" />
          <nav aria-label={_('layout.mobileNav.account')}>
            <ul className="drawer-list">
              {[
                { to: '/notifications', label: _('layout.menu.notifications') },
                { to: `/people/${me.id}`, label: _('layout.menu.yourProfile') },
                { to: '/proposals', label: _('layout.menu.proposals') },
                { to: '/settings/profile', label: _('layout.menu.settings') },
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
