import { useLingui } from '@lingui/react';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePortfolio } from '../../api/dashboard.ts';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { dateOnly } from '../../lib/dates.ts';
import { CommunityTable } from './portfolio-page.tsx';
import { ReachTable } from './reach-table.tsx';

/**
 * /coordination/portfolio/report: the term report, styled for print (the browser's "Save as PDF", or
 * Chromium's page.pdf on a server): the totals, every community and the institution's reach.
 */
export function TermReportPage() {
  const { _ } = useLingui();
  useDocumentTitle(_('portfolio.report.title'));
  const portfolio = usePortfolio({ sort: 'name', order: 'asc' });
  if (portfolio.isPending) return <PageLoader label={_('portfolio.loading')} />;
  if (portfolio.isError)
    return <LoadError error={portfolio.error} onRetry={() => void portfolio.refetch()} />;
  const { totals, today, rules } = portfolio.data;
  return (
    <Stack gap="md" className="term-report">
      <Group justify="space-between" className="no-print" wrap="wrap">
        <Anchor component={Link} to="/coordination/portfolio" size="sm">
          {_('portfolio.report.back')}
        </Anchor>
        <Button onClick={() => window.print()} variant="light">
          {_('portfolio.report.print')}
        </Button>
      </Group>
      <Title order={1} tabIndex={-1} data-page-title>
        {_('portfolio.report.heading', { date: dateOnly(`${today}T12:00:00Z`) })}
      </Title>
      <Text>{_('portfolio.totals', { shown: totals.communities, ...totals })}</Text>
      <Text size="sm">{_('portfolio.rules', rules)}</Text>
      <Title order={2} size="h3">
        {_('portfolio.report.communities')}
      </Title>
      <CommunityTable rows={portfolio.data.communities} linked={false} />
      <Title order={2} size="h3">
        {_('portfolio.reach.title')}
      </Title>
      <ReachTable reach={portfolio.data.reach} />
    </Stack>
  );
}
