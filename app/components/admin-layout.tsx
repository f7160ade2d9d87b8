import { SectionLayout } from './section-layout.tsx';

/** Administration: the institution, its units, users, the charter template, the mailbox and the audit log. */
export function AdminLayout() {
  return (
    <SectionLayout
      label="Administration"
      links={[
        { to: '/admin', label: 'Overview', end: true },
        { to: '/admin/institution', label: 'Institution' },
        { to: '/admin/units', label: 'Units' },
        { to: '/admin/users', label: 'Users' },
        { to: '/admin/charter-template', label: 'Charter template' },
        { to: '/admin/mail', label: 'Mailbox' },
        { to: '/admin/audit', label: 'Audit log' },
      ]}
    />
  );
}
