import { SectionLayout } from './section-layout.tsx';

/** Coordination: the proposal queue and the inbox of contact requests, for coordinators and administrators. */
export function CoordinationLayout() {
  return (
    <SectionLayout
      label="Coordination"
      links={[
        { to: '/coordination/proposals', label: 'Proposals' },
        { to: '/coordination/inbox', label: 'Inbox' },
      ]}
    />
  );
}
