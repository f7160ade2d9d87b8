import { useLingui } from '@lingui/react';
import { NumberInput, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { dashboardRulesBody } from '../../../common/contracts/dashboard.ts';
import { useChangeDashboardRules, useDashboardRules } from '../../api/dashboard.ts';
import { FormCard } from '../../components/form-card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

/**
 * /admin/portfolio-rules: the rules of the portfolio's flags (#17 §4), which an administrator changes:
 * dormant after how many days without a member taking part, growing from what share of new members.
 */
export function PortfolioRulesPage() {
  const { _ } = useLingui();
  const rules = useDashboardRules();
  return (
    <Stack gap="md">
      <PageHeader title={_('portfolio.rulesPage.title')} description={_('portfolio.rulesPage.intro')} />
      {rules.isPending ? (
        <PageLoader />
      ) : rules.isError ? (
        <LoadError error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <RulesForm current={rules.data} />
      )}
    </Stack>
  );
}

function RulesForm(props: { current: { dormantDays: number; growingPercent: number } }) {
  const { _ } = useLingui();
  const change = useChangeDashboardRules();
  const [saved, setSaved] = useState<string | null>(null);
  const { form, field, message, busy, submit } = useApiForm({
    initialValues: props.current,
    schema: dashboardRulesBody,
  });
  const { setValues } = form;
  useEffect(() => setValues(props.current), [setValues, props.current]);
  return (
    <FormCard
      title={_('portfolio.rulesPage.formTitle')}
      submitLabel={_('portfolio.rulesPage.save')}
      maw={520}
      message={message}
      saved={saved}
      busy={busy}
      onSubmit={submit(
        (body) => change.mutateAsync(body),
        () => setSaved(_('portfolio.rulesPage.saved')),
      )}
    >
      <NumberInput
        label={_('portfolio.rulesPage.dormantDays')}
        description={_('portfolio.rulesPage.dormantHelp')}
        min={1}
        max={730}
        allowDecimal={false}
        {...field('dormantDays')}
      />
      <NumberInput
        label={_('portfolio.rulesPage.growingPercent')}
        description={_('portfolio.rulesPage.growingHelp')}
        min={1}
        max={1000}
        allowDecimal={false}
        {...field('growingPercent')}
      />
      <Text size="xs" c="dimmed">
        {_('portfolio.rulesPage.leaderless')}
      </Text>
    </FormCard>
  );
}
