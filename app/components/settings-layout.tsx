import { useLingui } from '@lingui/react';
import { SectionLayout } from './section-layout.tsx';

/** Settings: profile, password, two-factor sign-in, sessions, notifications, your record and your data. */
export function SettingsLayout() {
  const { _ } = useLingui();
  return (
    <SectionLayout
      label={_('layout.menu.settings')}
      links={[
        { to: '/settings/profile', label: _('layout.menu.profile') },
        { to: '/settings/password', label: _('layout.settings.password') },
        { to: '/settings/security', label: _('layout.settings.twoFactor') },
        { to: '/settings/sessions', label: _('layout.settings.sessions') },
        { to: '/settings/notifications', label: _('layout.menu.notifications') },
        { to: '/settings/record', label: _('dashboard.record.nav') },
        { to: '/settings/your-data', label: _('dataexport.nav') },
        { to: '/settings/delete-account', label: _('layout.settings.deleteAccount') },
      ]}
    />
  );
}
