import { useLingui } from '@lingui/react';
import { SectionLayout } from './section-layout.tsx';

/** Administration: the institution, its units, users, the charter template, the mailbox and the audit log. */
export function AdminLayout() {
  const { _ } = useLingui();
  return (
    <SectionLayout
      label={_('layout.admin.label')}
      links={[
        { to: '/admin', label: _('layout.admin.overview'), end: true },
        { to: '/admin/institution', label: _('layout.admin.institution') },
        { to: '/admin/units', label: _('layout.admin.units') },
        { to: '/admin/users', label: _('layout.admin.users') },
        { to: '/admin/identity-providers', label: _('layout.admin.identityProviders') },
        { to: '/admin/charter-template', label: _('layout.admin.charterTemplate') },
        { to: '/admin/mail', label: _('layout.admin.mail') },
        { to: '/admin/audit', label: _('layout.admin.audit') },
        { to: '/admin/portfolio-rules', label: _('portfolio.rulesPage.nav') },
        { to: '/admin/backups', label: _('layout.admin.backups') },
      ]}
    />
  );
}
