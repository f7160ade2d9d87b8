import { SectionLayout } from './section-layout.tsx';

/**
 * Coordination: the proposal queue, the inbox of contact requests and the reports of every community,
 * for coordinators and administrators.
 */
export function CoordinationLayout() {
  return (
    <SectionLayout
      label="Coordination"
      links={[
        { to: '/coordination/proposals', label: 'Proposals' },
        { to: '/coordination/inbox', label: 'Inbox' },
        { to: '/coordination/reports', label: 'Reports' },
      ]}
    />
  );
}
