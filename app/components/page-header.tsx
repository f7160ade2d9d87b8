import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../hooks/use-document-title.ts';

/** The page's one h1 (which also sets document.title), a short description and optional actions. */
export function PageHeader(props: {
  title: string;
  documentTitle?: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  useDocumentTitle(props.documentTitle ?? props.title);
  return (
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
      {props.actions ? <Group gap="sm">{props.actions}</Group> : null}
    </Group>
  );
}
