import { SectionLayout } from './section-layout.tsx';

/** Settings: profile, password, sessions and notifications. */
export function SettingsLayout() {
  return (
    <SectionLayout
      label="Settings"
      links={[
        { to: '/settings/profile', label: 'Profile' },
        { to: '/settings/password', label: 'Password' },
        { to: '/settings/sessions', label: 'Sessions' },
        { to: '/settings/notifications', label: 'Notifications' },
      ]}
    />
  );
}
