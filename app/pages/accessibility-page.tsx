import { Trans, useLingui } from '@lingui/react';
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useInstitution } from '../api/queries.ts';
import { PageHeader } from '../components/page-header.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { dateFormatter } from '../lib/format.ts';

/** When the statement below was last checked against Copse as it is. */
const reviewedOn = new Date(Date.UTC(2026, 11, 6));

/**
 * The accessibility statement (linked from every page's footer): the WCAG 2.2 AA target, what people can
 * expect, how it is checked, the known exceptions and how to report a problem.
 */
export function AccessibilityPage() {
  const { _ } = useLingui();
  const { data: institution } = useInstitution();
  useDocumentTitle(_('accessibility.title'));
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={_('accessibility.title')} />
      <Text>{_('accessibility.intro', { institution: institution?.name || 'Copse' })}</Text>
      <section aria-labelledby="a11y-target">
        <Title order={2} size="h3" id="a11y-target" mb="xs">
          {_('accessibility.target.heading')}
        </Title>
        <Text>{_('accessibility.target.body')}</Text>
      </section>
      <section aria-labelledby="a11y-works">
        <Title order={2} size="h3" id="a11y-works" mb="xs">
          {_('accessibility.works.heading')}
        </Title>
        <List spacing="xs">
          <List.Item>{_('accessibility.works.keyboard')}</List.Item>
          <List.Item>{_('accessibility.works.screenReader')}</List.Item>
          <List.Item>{_('accessibility.works.reflow')}</List.Item>
          <List.Item>{_('accessibility.works.time')}</List.Item>
          <List.Item>{_('accessibility.works.languages')}</List.Item>
        </List>
      </section>
      <section aria-labelledby="a11y-testing">
        <Title order={2} size="h3" id="a11y-testing" mb="xs">
          {_('accessibility.testing.heading')}
        </Title>
        <Text>{_('accessibility.testing.body')}</Text>
      </section>
      <section aria-labelledby="a11y-exceptions">
        <Title order={2} size="h3" id="a11y-exceptions" mb="xs">
          {_('accessibility.exceptions.heading')}
        </Title>
        <List spacing="xs">
          <List.Item>{_('accessibility.exceptions.content')}</List.Item>
          <List.Item>{_('accessibility.exceptions.pickers')}</List.Item>
          <List.Item>{_('accessibility.exceptions.calendar')}</List.Item>
        </List>
      </section>
      <section aria-labelledby="a11y-report">
        <Title order={2} size="h3" id="a11y-report" mb="xs">
          {_('accessibility.report.heading')}
        </Title>
        <Text>
          <Trans
            id="accessibility.report.body"
            components={{ link: <Anchor component={Link} to="/contact" /> }}
          />
        </Text>
      </section>
      <Text size="sm" c="dimmed">
        {_('accessibility.updated', {
          date: dateFormatter({ dateStyle: 'long', timeZone: 'UTC' }).format(reviewedOn),
        })}
      </Text>
    </Stack>
  );
}
