import { PageHeader } from '../../components/page-header.tsx';
import { ReportQueue } from './report-list.tsx';

/** /coordination/reports: the coordinators' moderation queue across every community. */
export function CoordinatorReportsPage() {
  return (
    <>
      <PageHeader
        title="Reports"
        description="Posts reported in every community. Each community’s leaders see their own in its Moderation tab."
      />
      <ReportQueue slug={null} />
    </>
  );
}
