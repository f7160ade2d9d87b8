import { useLingui } from '@lingui/react';
import { NavLink } from 'react-router';
import type { MessageId } from '../../common/i18n/message-id.ts';
import type { Me } from '../api/types.ts';

interface NavItem {
  to: string;
  /** The catalog id of the link's text, translated as the navigation renders. */
  labelId: MessageId;
  end?: boolean;
}

/**
 * The sections a person can reach: Home, Communities, Calendar and People (signed in), Coordination for coordinators and
 * administrators, and Admin for administrators.
 */
export function navItems(me: Me | null | undefined): NavItem[] {
  if (!me) {
    // Visitors see the public communities too.
    return [
      { to: '/', labelId: 'layout.nav.home', end: true },
      { to: '/communities', labelId: 'layout.nav.communities' },
    ];
  }
  // An external partner (#18 §4) reaches only their projects.
  if (me.confinedToProjects) return [{ to: '/projects', labelId: 'projects.mine.title' }];
  const items: NavItem[] = [
    { to: '/', labelId: 'layout.nav.home', end: true },
    { to: '/communities', labelId: 'layout.nav.communities' },
    { to: '/calendar', labelId: 'layout.nav.calendar' },
    { to: '/people', labelId: 'layout.nav.people' },
    { to: '/mentoring', labelId: 'mentoring.nav' },
  ];
  if (me.role === 'coordinator' || me.role === 'administrator')
    items.push({ to: '/coordination', labelId: 'layout.nav.coordination' });
  if (me.role === 'administrator') items.push({ to: '/admin', labelId: 'layout.nav.admin' });
  return items;
}

/** The main navigation as a list of links; the current page carries aria-current="page". */
export function MainNav(props: {
  me: Me | null | undefined;
  label: string;
  vertical?: boolean;
  onNavigate?: () => void;
}) {
  const { _ } = useLingui();
  const items = navItems(props.me);
  // i18n-ignore: CSS class names
  const linkClass = props.vertical ? 'nav-link drawer-link' : 'nav-link';
  return (
    <nav aria-label={props.label}>
      <ul
        style={{
          display: 'flex',
          flexDirection: props.vertical ? 'column' : 'row',
          gap: props.vertical ? 2 : 4,
          listStyle: 'none',
          margin: 0,
          padding: 0,
        }}
      >
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className={linkClass} onClick={props.onNavigate}>
              {_(item.labelId)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
