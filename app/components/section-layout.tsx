import { Box, ScrollArea } from '@mantine/core';
import { NavLink, Outlet } from 'react-router';

export interface SectionLink {
  to: string;
  label: string;
  end?: boolean;
}

/** A section with its own navigation: a column beside the page on wide screens, a row above it on small. */
export function SectionLayout(props: { label: string; links: SectionLink[] }) {
  return (
    <Box style={{ display: 'grid', gap: 'var(--mantine-spacing-xl)' }} className="section-layout">
      <nav aria-label={props.label} className="section-nav">
        <ScrollArea type="never" offsetScrollbars={false}>
          <ul className="section-nav-list">
            {props.links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end} className="nav-link">
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </ScrollArea>
      </nav>
      <div style={{ minWidth: 0 }}>
        <Outlet />
      </div>
    </Box>
  );
}
