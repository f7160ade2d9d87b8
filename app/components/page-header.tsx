import { useLingui } from '@lingui/react';
import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useDocumentTitle } from '../hooks/use-document-title.ts';

/** A step back up from a page: its label and address. */
export interface Crumb {
  label: string;
  to: string;
}

/**
 * The page's one h1 (which also sets document.title), a short description and optional actions. A
 * page inside something (a resource inside a community's Toolkit) names the way back up as a
 * breadcrumb trail above the title; the actions sit together in one labelled group.
 */
export function PageHeader(props: {
  title: string;
  documentTitle?: string;
  description?: ReactNode;
  actions?: ReactNode;
  actionsLabel?: string;
  breadcrumbs?: Crumb[];
}) {
  const { _ } = useLingui();
  useDocumentTitle(props.documentTitle ?? props.title);
  return (
    <>
      {props.breadcrumbs && props.breadcrumbs.length > 0 ? (
        <nav aria-label={_('layout.breadcrumb')}>
          <Breadcrumbs separator="›" separatorMargin={6} mb="xs" style={{ flexWrap: 'wrap', rowGap: 4 }}>
            {props.breadcrumbs.map((crumb) => (
              <Anchor
                key={crumb.to}
                component={Link}
                to={crumb.to}
                size="sm"
                style={{ overflowWrap: 'anywhere' }}
              >
                {crumb.label}
              </Anchor>
            ))}
          </Breadcrumbs>
        </nav>
      ) : null}
      <Group justify="space-between" align="flex-end" gap="md" mb="lg" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={1} tabIndex={-1} data-page-title style={{ overflowWrap: 'anywhere' }}>
            {props.title}
          </Title>
          {props.description ? (
            <Text c="dimmed" size="md">
              {props.description}
            </Text>
          ) : null}
        </Stack>
        {props.actions ? (
          <Group
            gap="sm"
            align="center"
            role={props.actionsLabel ? 'group' : undefined}
            aria-label={props.actionsLabel}
          >
            {props.actions}
          </Group>
        ) : null}
      </Group>
    </>
  );
}
