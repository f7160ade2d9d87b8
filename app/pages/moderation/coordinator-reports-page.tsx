import { useLingui } from '@lingui/react';
import { PageHeader } from '../../components/page-header.tsx';
import { ReportQueue } from './report-list.tsx';

/** /coordination/reports: the coordinators' moderation queue across every community. */
export function CoordinatorReportsPage() {
  const { _ } = useLingui();
  return (
    <>
      <PageHeader
        title={_('moderation.coordinator.title')}
        description={_('moderation.coordinator.description')}
      />
      <ReportQueue slug={null} />
    </>
  );
}
