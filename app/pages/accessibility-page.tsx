import { Trans, useLingui } from '@lingui/react';
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useInstitution } from '../api/queries.ts';
import { PageHeader } from '../components/page-header.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { dateFormatter } from '../lib/format.ts';

/** When the statement below was last checked against Copse as it is. */
const reviewedOn = new Date(Date.UTC(2026, 11, 6));

/** One part of the statement: a second-level heading and what it says. */
function StatementSection(props: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id}>
      <Title order={2} size="h3" id={props.id} mb="xs">
        {props.heading}
      </Title>
      {props.children}
    </section>
  );
}

function Points(props: { items: string[] }) {
  return (
    <List spacing="xs">
      {props.items.map((item) => (
        <List.Item key={item}>{item}</List.Item>
      ))}
    </List>
  );
}

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
      <StatementSection id="a11y-target" heading={_('accessibility.target.heading')}>
        <Text>{_('accessibility.target.body')}</Text>
      </StatementSection>
      <StatementSection id="a11y-works" heading={_('accessibility.works.heading')}>
        <Points
          items={[
            _('accessibility.works.keyboard'),
            _('accessibility.works.screenReader'),
            _('accessibility.works.reflow'),
            _('accessibility.works.time'),
            _('accessibility.works.languages'),
          ]}
        />
      </StatementSection>
      <StatementSection id="a11y-testing" heading={_('accessibility.testing.heading')}>
        <Text>{_('accessibility.testing.body')}</Text>
      </StatementSection>
      <StatementSection id="a11y-exceptions" heading={_('accessibility.exceptions.heading')}>
        <Points
          items={[
            _('accessibility.exceptions.content'),
            _('accessibility.exceptions.pickers'),
            _('accessibility.exceptions.calendar'),
          ]}
        />
      </StatementSection>
      <StatementSection id="a11y-report" heading={_('accessibility.report.heading')}>
        <Text>
          <Trans
            id="accessibility.report.body"
            components={{ link: <Anchor component={Link} to="/contact" /> }}
          />
        </Text>
      </StatementSection>
      <Text size="sm" c="dimmed">
        {_('accessibility.updated', {
          date: dateFormatter({ dateStyle: 'long', timeZone: 'UTC' }).format(reviewedOn),
        })}
      </Text>
    </Stack>
  );
}
