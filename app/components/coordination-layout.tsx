import { useLingui } from '@lingui/react';
import { SectionLayout } from './section-layout.tsx';

/**
 * Coordination: the proposal queue, the inbox of contact requests and the reports of every community,
 * the portfolio and mentoring across the institution, for coordinators and administrators.
 */
export function CoordinationLayout() {
  const { _ } = useLingui();
  return (
    <SectionLayout
      label={_('layout.coordination.label')}
      links={[
        { to: '/coordination/proposals', label: _('layout.coordination.proposals') },
        { to: '/coordination/inbox', label: _('layout.coordination.inbox') },
        { to: '/coordination/reports', label: _('layout.coordination.reports') },
        { to: '/coordination/portfolio', label: _('portfolio.nav') },
        { to: '/coordination/mentoring', label: _('mentoring.overview.nav') },
      ]}
    />
  );
}
