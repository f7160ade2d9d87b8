import { NavLink } from 'react-router';
import type { Me } from '../api/types.ts';

interface NavItem {
  to: string;
  label: string;
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
      { to: '/', label: 'Home', end: true },
      { to: '/communities', label: 'Communities' },
    ];
  }
  const items: NavItem[] = [
    { to: '/', label: 'Home', end: true },
    { to: '/communities', label: 'Communities' },
    { to: '/calendar', label: 'Calendar' },
    { to: '/people', label: 'People' },
  ];
  if (me.role === 'coordinator' || me.role === 'administrator')
    items.push({ to: '/coordination', label: 'Coordination' });
  if (me.role === 'administrator') items.push({ to: '/admin', label: 'Admin' });
  return items;
}

/** The main navigation as a list of links; the current page carries aria-current="page". */
export function MainNav(props: {
  me: Me | null | undefined;
  label: string;
  vertical?: boolean;
  onNavigate?: () => void;
}) {
  const items = navItems(props.me);
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
            <NavLink
              to={item.to}
              end={item.end}
              className={props.vertical ? 'nav-link drawer-link' : 'nav-link'}
              onClick={props.onNavigate}
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
